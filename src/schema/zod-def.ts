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

/** The description given with `.meta()`, on the schema or inside its wrappers (nullable, optional, pipe). */
export function descriptionOf(schema: z.ZodType): string | undefined {
  let node: z.ZodType | undefined = schema;
  while (node) {
    if (node.description) return node.description;
    const def = defOf(node);
    node = def.innerType ?? def.in;
  }
  return undefined;
}
