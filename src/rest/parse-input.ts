import type * as z from 'zod';
import type { FieldError } from '../errors/error-codes.js';
import { badUserInput } from '../errors/facade-error.js';
import { toFieldErrors } from '../validation/field-errors.js';

/**
 * zod reports unknown keys once, on their object (the root has the empty path). A REST body can
 * hold any key, so name each one: `changeSet[0].foo` says exactly what to remove.
 */
function perUnknownKey(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          code: 'custom',
          path: [...issue.path, key],
          message: 'is not a field of this operation',
          params: { code: 'INVALID_VALUE' },
        }))
      : [issue],
  );
}

/**
 * Validates with the shared schema (the one GraphQL uses), reporting every failing field at once
 * together with `earlier` (header and query problems); paths are relative to the body or query.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  earlier: FieldError[] = [],
): z.output<S> {
  // reportInput: tells a value of the wrong type (INVALID_VALUE) from a missing one, which GraphQL's
  // own type checks settle before zod ever sees the input; the input is never echoed.
  const result = schema.safeParse(value, { reportInput: true });
  const errors = [...earlier, ...(result.success ? [] : toFieldErrors(perUnknownKey(result.error.issues)))];
  if (!result.success || errors.length > 0) throw badUserInput(errors);
  return result.data;
}
