import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode } from '../errors/error-codes.js';
import { errorBodyFor } from '../errors/error-envelope.js';
import type { AppEnv } from './request-id.js';

export interface RequestError {
  status: ContentfulStatusCode;
  code: ErrorCode;
  message: string;
  retryable?: boolean;
  headers?: Record<string, string>;
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/**
 * A failure of the whole request, answered by the HTTP layer before any route runs (auth, body
 * limit, CSRF): in the GraphQL-over-HTTP envelope on /graphql, in the REST envelope elsewhere, so a
 * client reads it as it reads every other error of that endpoint. Always carries the request id.
 */
export function requestErrorResponse(c: Context<AppEnv>, error: RequestError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  const { code, message } = error;
  const body = errorBodyFor(
    c.req.path,
    { code, message, retryable: error.retryable ?? false },
    c.get('requestId'),
  );
  if (c.req.path !== '/graphql') return c.body(body, error.status, { 'content-type': 'application/json' });
  const type = (c.req.header('accept') ?? '').includes(GRAPHQL_RESPONSE)
    ? GRAPHQL_RESPONSE
    : 'application/json';
  return c.body(body, error.status, { 'content-type': `${type}; charset=utf-8` });
}
