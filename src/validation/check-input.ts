import type * as z from 'zod';
import type { FieldError } from '../errors/error-codes.js';
import { badUserInput } from '../errors/facade-error.js';
import { fastParser, INVALID } from './fast-parse.js';
import { toFieldErrors } from './field-errors.js';

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
 * An operation's input checked against its schema, for both faces: valid input takes the fast
 * path (fast-parse.ts); anything else is explained by zod, every failing field at once, as
 * BAD_USER_INPUT with paths under `prefix` (GraphQL's `input`), together with `earlier` (REST's
 * header and query problems). Nothing invalid reaches AWS.
 */
export function checkInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  prefix: PropertyKey[] = [],
  earlier: FieldError[] = [],
): z.output<S> {
  if (earlier.length === 0) {
    const fast = fastParser(schema)?.(value);
    if (fast !== undefined && fast !== INVALID) return fast as z.output<S>;
  }
  // reportInput: tells a value of the wrong type (INVALID_VALUE) from a missing one; the input is
  // never echoed.
  const result = schema.safeParse(value, { reportInput: true });
  const errors = [
    ...earlier,
    ...(result.success ? [] : toFieldErrors(perUnknownKey(result.error.issues), prefix)),
  ];
  if (!result.success || errors.length > 0) throw badUserInput(errors);
  return result.data;
}
