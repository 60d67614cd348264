import type * as z from 'zod';

/** The parts of a zod schema's definition the GraphQL types are read from (zod 4's `_zod.def`). */
export type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  defaultValue?: unknown;
};

export const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that say whether a value may be absent, not what it is. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema and the wrappers around its value, outermost first; a pipe is read by its input side. */
export function layers(schema: z.ZodType): z.ZodType[] {
  const all = [schema];
  for (let def = defOf(schema); ; ) {
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? def.in : undefined;
    if (!next) return all;
    all.push(next);
    def = defOf(next);
  }
}

/** The value a schema holds once its wrappers are peeled off. */
export const innermost = (schema: z.ZodType) => layers(schema).at(-1) as z.ZodType;

/** The description given with `.meta()`, on the schema or inside its wrappers (nullable, optional, pipe). */
export function descriptionOf(schema: z.ZodType): string | undefined {
  return layers(schema).find((layer) => layer.description)?.description;
}
