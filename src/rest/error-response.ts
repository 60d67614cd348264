import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { restErrorBody } from '../errors/error-envelope.js';
import { FacadeError } from '../errors/facade-error.js';
import type { AppEnv } from '../http/request-id.js';
import type { ErrorBody } from './error-schema.js';

/**
 * The REST error envelope with the status of its code (FacadeError.httpStatus) and `Retry-After`
 * where the error says when to retry. Anything not raised on purpose is logged and masked.
 */
export function errorResponse(c: Context<AppEnv>, error: unknown, logger: Logger): Response {
  const requestId = c.get('requestId');
  let known = error instanceof FacadeError ? error : undefined;
  if (!known) {
    logger.error('Unexpected error in a REST route', { error: error as Error, requestId });
    known = new FacadeError('INTERNAL_SERVER_ERROR', 'Unexpected error.');
  }
  if (known.retryAfterSeconds !== undefined) c.header('Retry-After', String(known.retryAfterSeconds));
  // Typed against the published schema (the OpenAPI document's Error).
  const body: ErrorBody = restErrorBody(known, requestId);
  return c.json(body, known.httpStatus as ContentfulStatusCode);
}
