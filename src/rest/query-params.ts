import type { Context } from 'hono';
import type { FieldError } from '../errors/error-codes.js';

/**
 * An object for query parameters keyed by name: without a prototype, so that `?__proto__=x` is a
 * parameter like any other (reported as unknown) rather than a silent prototype assignment.
 */
export const queryObject = <T>(): Record<string, T> => Object.create(null);

/**
 * The query string as one value per name, for the shared (strict) schemas, which then report
 * unknown names. A name given twice is an error rather than a silent pick of one value.
 */
export function singleValuedQuery(c: Context): { query: Record<string, string>; errors: FieldError[] } {
  const query = queryObject<string>();
  const errors: FieldError[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) errors.push({ path: name, message: 'must be given once', code: 'INVALID_VALUE' });
    if (values[0] !== undefined) query[name] = values[0];
  }
  return { query, errors };
}

/**
 * Query values are text: a decimal number becomes a number so that the shared schema judges it as
 * it judges GraphQL's Int (1.5 and 0 fail there); any other text stays text and fails as not an integer.
 */
export const numberParam = (value: string | undefined): number | string | undefined =>
  value !== undefined && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
