import type { Context } from 'hono';
import { FacadeError } from '../errors/facade-error.js';
import { isJsonObject } from '../validation/json-document.js';

// application/json and the +json types, with or without parameters (charset).
const JSON_CONTENT_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

const badRequest = (message: string, status = 400) => new FacadeError('BAD_REQUEST', message, { status });

/**
 * The body as a JSON object. A body that cannot be read as one is BAD_REQUEST: 415 for another
 * content type (as the CSRF guard answers form and text bodies), else 400. There are no fields to
 * report yet, and the parser's own message is never echoed.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  if (!JSON_CONTENT_TYPE.test(c.req.header('content-type') ?? '')) {
    throw badRequest('Send the request body as JSON, with "Content-Type: application/json".', 415);
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (!isJsonObject(body)) throw badRequest('The request body must be a JSON object.');
  return body;
}
