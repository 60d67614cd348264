import type * as z from 'zod';

/**
 * A fast path for valid input: the zod schema compiled, once, into plain predicates and the same
 * transforms, with no issue collection. It answers the parsed value for valid input and `INVALID`
 * for anything else; zod then explains the failure (every failing field, see check-input.ts). A
 * schema with a part it does not know compiles to `undefined`, and zod checks it alone.
 * test/validation/fast-parse.property.test.ts checks that both agree on arbitrary input.
 */

export const INVALID: unique symbol = Symbol('invalid');
type Parse = (value: unknown) => unknown;

// zod 4's own representation; only what is read here.
interface Def {
  type: string;
  checks?: Check[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  entries?: Record<string, unknown>;
  transform?: (value: unknown, payload: unknown) => unknown;
  check?: string;
  format?: string;
}
interface Schema {
  _zod: { def: Def; check?: (payload: Payload) => void };
}
interface Check {
  _zod: { def: { check: string }; check: (payload: Payload) => void };
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

/** Runs zod's own check objects (lengths, patterns, refinements): the same rules, no re-writing. */
function passes(checks: Check[] | undefined, value: unknown): boolean {
  if (!checks) return true;
  for (const check of checks) {
    const payload: Payload = { value, issues: [] };
    check._zod.check(payload);
    if (payload.issues.length > 0) return false;
  }
  return true;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function compileNode(schema: Schema): Parse | undefined {
  const def = schema._zod.def;
  const { checks } = def;
  switch (def.type) {
    case 'string': {
      // A string format (z.iso.datetime()) is itself a check on the string.
      const self = def.check ? (schema as unknown as Check) : undefined;
      return (v) =>
        typeof v === 'string' && (!self || passes([self], v)) && passes(checks, v) ? v : INVALID;
    }
    case 'number': {
      if (def.check) return undefined; // z.int() and other number formats: left to zod
      return (v) => (typeof v === 'number' && Number.isFinite(v) && passes(checks, v) ? v : INVALID);
    }
    case 'boolean':
      return (v) => (typeof v === 'boolean' && passes(checks, v) ? v : INVALID);
    case 'unknown':
      return (v) => (passes(checks, v) ? v : INVALID);
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) =>
        (typeof v === 'string' || typeof v === 'number') && values.has(v) && passes(checks, v) ? v : INVALID;
    }
    case 'optional':
    case 'nullable': {
      const inner = def.innerType && compileNode(def.innerType);
      if (!inner) return undefined;
      const empty = def.type === 'optional' ? undefined : null;
      return (v) => (v === empty ? v : inner(v));
    }
    case 'transform': {
      const fn = def.transform;
      // A transform that may add issues (ctx.addIssue) is zod's to run.
      if (!fn || fn.length > 1) return undefined;
      return (v) => fn(v, undefined);
    }
    case 'pipe': {
      const first = def.in && compileNode(def.in);
      const second = def.out && compileNode(def.out);
      if (!first || !second) return undefined;
      return (v) => {
        const mid = first(v);
        return mid === INVALID ? INVALID : second(mid);
      };
    }
    case 'array': {
      const element = def.element && compileNode(def.element);
      if (!element) return undefined;
      return (v) => {
        if (!Array.isArray(v)) return INVALID;
        const out = new Array(v.length);
        for (let i = 0; i < v.length; i++) {
          const item = element(v[i]);
          if (item === INVALID) return INVALID;
          out[i] = item;
        }
        return passes(checks, out) ? out : INVALID;
      };
    }
    case 'object': {
      const strict = def.catchall?._zod.def.type === 'never';
      if (def.catchall && !strict) return undefined;
      const fields: Array<[string, Parse]> = [];
      for (const [key, member] of Object.entries(def.shape ?? {})) {
        const parse = compileNode(member);
        if (!parse) return undefined;
        fields.push([key, parse]);
      }
      const known = new Set(fields.map(([key]) => key));
      return (v) => {
        if (!isPlainObject(v)) return INVALID;
        if (strict) for (const key in v) if (!known.has(key)) return INVALID;
        const out: Record<string, unknown> = {};
        for (const [key, parse] of fields) {
          const value = parse(v[key]);
          if (value === INVALID) return INVALID;
          // As zod: an absent key whose schema answers undefined stays absent.
          if (value !== undefined || key in v) out[key] = value;
        }
        return passes(checks, out) ? out : INVALID;
      };
    }
    default:
      return undefined;
  }
}

const compiled = new WeakMap<z.ZodType, Parse | null>();

/** The schema's fast parse (compiled on first use and kept), or undefined when zod must judge alone. */
export function fastParser(schema: z.ZodType): Parse | undefined {
  let parse = compiled.get(schema);
  if (parse === undefined) {
    parse = compileNode(schema as unknown as Schema) ?? null;
    compiled.set(schema, parse);
  }
  return parse ?? undefined;
}
