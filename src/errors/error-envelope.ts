import type { AwsErrorInfo, ErrorCode, FieldError } from './error-codes.js';

/**
 * The one place that writes an error answer, in both envelopes (contract §3): GraphQL's
 * `{ errors: [{ message, extensions }] }` and REST's `{ error }`. Member order is part of the
 * answer (clients and tests compare bytes): code, message (REST), retryable, aws, fieldErrors,
 * requestId.
 */
export interface ErrorFields {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  aws?: AwsErrorInfo;
  fieldErrors?: FieldError[];
  /** GraphQL only: the HTTP status of a whole-request failure (yoga reads, and strips, `http`). */
  requestStatus?: number;
}

/** `extensions` of a GraphQL error, before the request id (added with the envelope's other touches). */
export function graphqlExtensions(error: ErrorFields): Record<string, unknown> {
  return {
    code: error.code,
    retryable: error.retryable,
    ...(error.aws ? { aws: error.aws } : {}),
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.requestStatus ? { http: { status: error.requestStatus } } : {}),
  };
}

// The AWS translation names fields as GraphQL arguments (`input.changeSet[0]...`); REST paths are
// relative to the body or name the query parameter, so the argument name goes.
const bodyRelative = (errors: FieldError[]): FieldError[] =>
  errors.map((e) => (e.path?.startsWith('input.') ? { ...e, path: e.path.slice('input.'.length) } : e));

/** The REST error body. */
export function restErrorBody(error: ErrorFields, requestId: string) {
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

/** A GraphQL-over-HTTP answer of one request-level error (no data: nothing was executed). */
export function graphqlErrorBody(error: ErrorFields, requestId: string) {
  const { http: _http, ...extensions } = graphqlExtensions(error);
  return { errors: [{ message: error.message, extensions: { ...extensions, requestId } }] };
}

/** A request-level error as the endpoint it was sent to answers errors: GraphQL's on /graphql, else REST's. */
export function errorBodyFor(path: string, error: ErrorFields, requestId: string): string {
  const graphql = path.split('?')[0] === '/graphql';
  return JSON.stringify(graphql ? graphqlErrorBody(error, requestId) : restErrorBody(error, requestId));
}
