import type * as z from 'zod';
import { builder } from './builder.js';
import { defOf, descriptionOf, innermost, layers } from './zod-def.js';

/**
 * A GraphQL input type read off an operation's input schema (src/operations/), the mirror of
 * output-type.ts: the fields, their order, required-ness, list-ness, defaults and descriptions come
 * from zod, so adding an operation writes its input once.
 *
 * GraphQL stays looser than zod on purpose: coercion must let through every value the facade's own
 * validation (check-input.ts) reports, so that all failing fields are reported at once, in its
 * words. So a pattern or a bound keeps String or Int, and a string is never read as DateTime. Scalars
 * map as: string -> String (ID where `ids` names it), integer -> Int, other number -> Float,
 * boolean -> Boolean, unknown -> JSON. Enums, nested input objects and what zod cannot say (a
 * preprocessed value, e.g. a DateTime) come from `refs`: without one such a field fails the build.
 */

// biome-ignore lint/suspicious/noExplicitAny: Pothos's type parameter is checked at schema build.
type TypeRef = any;

/** A `.default()` or a `default` stated with `.meta()` (as JSON Schema states it, e.g. catalog's). */
function defaultOf(schema: z.ZodType): { defaultValue: unknown } | undefined {
  for (const layer of layers(schema)) {
    const def = defOf(layer);
    if (def.type === 'default') return { defaultValue: def.defaultValue };
    const meta = layer.meta() as { default?: unknown } | undefined;
    if (meta?.default !== undefined) return { defaultValue: meta.default };
  }
  return undefined;
}

/** The field's own description: a nested object's own `.meta()` describes its type instead. */
function fieldDescriptionOf(schema: z.ZodType): string | undefined {
  const value = innermost(schema);
  return layers(schema).find(
    (layer) => layer.description && !(layer === value && defOf(value).type === 'object'),
  )?.description;
}

function scalarOf(key: string, schema: z.ZodType, ids: ReadonlySet<string>): TypeRef {
  switch (defOf(schema).type) {
    case 'string':
      return ids.has(key) ? 'ID' : 'String';
    case 'number':
      return (schema as z.ZodNumber).isInt ? 'Int' : 'Float';
    case 'boolean':
      return 'Boolean';
    case 'unknown':
      return 'JSON';
    default:
      throw new Error(`input field ${key}: give its GraphQL type in refs`);
  }
}

/** The GraphQL type of a field's value: its ref or scalar, in a list for an array (of non-null items). */
function typeOf(key: string, value: z.ZodType, ids: ReadonlySet<string>, ref: TypeRef): TypeRef {
  const def = defOf(value);
  if (def.type !== 'array' || !def.element) return ref ?? scalarOf(key, value, ids);
  if (layers(def.element).length > 1) throw new Error(`input field ${key}: list items are never absent`);
  return [ref ?? scalarOf(key, def.element, ids)];
}

/** The object schema of a nested input field (through its wrappers and list), for that object's own input type. */
export function fieldObject(schema: z.ZodObject, key: string): z.ZodObject {
  let value = innermost((schema.shape as Record<string, z.ZodType>)[key] as z.ZodType);
  const element = defOf(value).element;
  if (element) value = innermost(element);
  if (defOf(value).type !== 'object') throw new Error(`input field ${key} is not an object`);
  return value as z.ZodObject;
}

export interface InputTypeOptions {
  /** String fields that are GraphQL IDs (an AWS id, as outputs give it as an ID). */
  ids?: readonly string[];
  /** Field -> GraphQL input type, for enums, nested input objects and scalars zod cannot say (a list field gives its item type). */
  refs?: Record<string, TypeRef>;
}

/**
 * A field is required unless zod lets it be absent (optional, nullish); one with a default is
 * required with that default, as absent means the default and the operation always has a value.
 */
export function inputType<Shape extends z.ZodObject>(
  name: string,
  schema: Shape,
  { ids = [], refs = {} }: InputTypeOptions = {},
) {
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const key of [...ids, ...Object.keys(refs)]) {
    if (!(key in shape)) throw new Error(`${name}: ${key} is not a field of its schema`);
  }
  const idSet = new Set(ids);
  return builder.inputRef<z.input<Shape>>(name).implement({
    description: descriptionOf(schema),
    // biome-ignore lint/suspicious/noExplicitAny: the fields are Shape's keys; Pothos checks their types at build.
    fields: (t): any =>
      Object.fromEntries(
        Object.entries(shape).map(([key, field]) => {
          const preset = defaultOf(field);
          const description = fieldDescriptionOf(field);
          const options = {
            type: typeOf(key, innermost(field), idSet, refs[key]),
            required: preset !== undefined || field._zod.optin !== 'optional',
            ...preset,
            ...(description ? { description } : {}),
          };
          return [key, t.field(options)];
        }),
      ),
  });
}
