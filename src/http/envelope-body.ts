import type { ErrorCode } from '../errors/error-codes.js';

export interface EnvelopeError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  requestId: string;
}

/**
 * The body of a request-level error answered outside the app (the local server's guards, the Lambda
 * event guard): the GraphQL-over-HTTP envelope on /graphql, the REST envelope elsewhere, as
 * src/http/request-error.ts answers inside it.
 */
export function envelopeBody(path: string, error: EnvelopeError): string {
  if (path.split('?')[0] === '/graphql') {
    const { message, ...extensions } = error;
    return JSON.stringify({ errors: [{ message, extensions }] });
  }
  return JSON.stringify({ error });
}
