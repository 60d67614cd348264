import SchemaBuilder from '@pothos/core';
import type { RequestContext } from '../graphql/context.js';

/**
 * The schema builder; it defines no types (they live beside their domain in this folder). Inputs
 * are checked by the operations' own schemas (src/schema/operation-field.ts), not by a plugin.
 */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});
