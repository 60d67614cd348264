import SchemaBuilder from '@pothos/core';
import ValidationPlugin from '@pothos/plugin-validation';
import type { z } from 'zod';
import { badUserInput } from '../errors/facade-error.js';
import type { RequestContext } from '../graphql/context.js';
import { toFieldErrors } from '../validation/field-errors.js';

/** The schema builder; it defines no types (they live beside their domain in this folder). */
export const builder = new SchemaBuilder<{
  Context: RequestContext;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ValidationPlugin],
  defaultFieldNullability: false,
  validation: {
    // Every failing field at once, as BAD_USER_INPUT with input paths; nothing reaches AWS.
    validationError: (failure) =>
      badUserInput(toFieldErrors(failure.issues as unknown as z.core.$ZodIssue[])),
  },
});
