import type { Context } from 'hono';
import type * as z from 'zod';
import type { FieldError } from '../errors/error-codes.js';
import { toFieldErrors } from '../validation/field-errors.js';

export const IDEMPOTENCY_KEY = 'Idempotency-Key';

/**
 * The `Idempotency-Key` header is the client token when the body has none, checked with the same
 * constraints as the body field. Both at once must agree: silently preferring one would let a
 * client believe a retry is protected by the other.
 */
export function withIdempotencyKey(
  c: Context,
  body: Record<string, unknown>,
  field: string,
  tokenSchema: z.ZodType,
): { body: Record<string, unknown>; errors: FieldError[] } {
  const key = c.req.header(IDEMPOTENCY_KEY);
  if (key === undefined) return { body, errors: [] };
  const checked = tokenSchema.safeParse(key, { reportInput: true });
  if (!checked.success) return { body, errors: toFieldErrors(checked.error.issues, [IDEMPOTENCY_KEY]) };
  const inBody = body[field];
  if (inBody === undefined || inBody === null) return { body: { ...body, [field]: key }, errors: [] };
  if (inBody === key) return { body, errors: [] };
  return {
    body,
    errors: [{ path: IDEMPOTENCY_KEY, message: `differs from ${field} in the body`, code: 'INVALID_VALUE' }],
  };
}
