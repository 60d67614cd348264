import type * as z from 'zod';
import { builder } from './builder.js';
import { defOf, descriptionOf } from './zod-def.js';

/**
 * A GraphQL object type read off an operation's output schema (src/operations/), so the public
 * shape is written once: the fields, their nullability, list-ness and descriptions come from zod.
 * Outputs are already in the public shape (null, never undefined), so every field is exposed as is:
 * no resolvers. Scalars map as: string -> String (ID where `ids` names it; DateTime for
 * `format: date-time`), int -> Int, unknown -> JSON; enums and nested objects come from `refs`.
 */

// biome-ignore lint/suspicious/noExplicitAny: Pothos's type parameter is checked at schema build.
type TypeRef = any;

/** The schema inside `.nullable()`, for a nested object's own type. */
export function unwrapped(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  return def.type === 'nullable' && def.innerType ? unwrapped(def.innerType) : schema;
}

function scalarOf(key: string, schema: z.ZodType, ids: ReadonlySet<string>): TypeRef {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      if ((schema.meta() as { format?: string } | undefined)?.format === 'date-time') return 'DateTime';
      return ids.has(key) ? 'ID' : 'String';
    case 'number':
      return 'Int';
    case 'boolean':
      return 'Boolean';
    case 'unknown':
      return 'JSON';
    default:
      throw new Error(`output field ${key}: give its GraphQL type in refs`);
  }
}

export interface OutputTypeOptions {
  /** String fields that are GraphQL IDs (cache keys and AWS ids). */
  ids?: readonly string[];
  /** Field -> GraphQL type, for enums and nested objects (a list field gives its item type). */
  refs?: Record<string, TypeRef>;
}

export function outputType<Shape extends z.ZodObject>(
  name: string,
  schema: Shape,
  { ids = [], refs = {} }: OutputTypeOptions = {},
) {
  const idSet = new Set(ids);
  return builder.objectRef<z.output<Shape>>(name).implement({
    description: descriptionOf(schema),
    fields: (t) =>
      Object.fromEntries(
        Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => {
          let node = field;
          let def = defOf(node);
          // A nested object's description is its type's, not the field's.
          const description = ['object', 'array'].includes(defOf(unwrapped(node)).type)
            ? node.description
            : descriptionOf(node);
          const nullable = def.type === 'nullable' || def.type === 'unknown';
          node = unwrapped(node);
          def = defOf(node);
          const list = def.type === 'array' && def.element ? def.element : undefined;
          const item = refs[key] ?? scalarOf(key, list ?? node, idSet);
          const type = list ? [item] : item;
          // biome-ignore lint/suspicious/noExplicitAny: the key is a field of Shape; Pothos checks types at build.
          return [key, (t.expose as any)(key, { type, nullable, ...(description ? { description } : {}) })];
        }),
      ),
  });
}
