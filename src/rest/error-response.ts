import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../errors/error-codes.js';
import { FacadeError } from '../errors/facade-error.js';
import type { AppEnv } from '../http/request-id.js';
import type { ErrorBody } from './error-schema.js';

// The AWS translation names fields as GraphQL arguments (`input.changeSet[0]...`); REST paths are
// relative to the body or name the query parameter, so the argument name goes.
const bodyRelative = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => (e.path?.startsWith('input.') ? { ...e, path: e.path.slice('input.'.length) } : e));

export function errorBody(error: FacadeError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      ...(error.aws ? { aws: error.aws } : {}),
      ...(error.fieldErrors ? { fieldErrors: bodyRelative(error.fieldErrors) } : {}),
      requestId,
    },
  };
}

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
  return c.json(errorBody(known, requestId), known.httpStatus as ContentfulStatusCode);
}
