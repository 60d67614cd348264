import type { ErrorCode } from '../errors/error-codes.js';
import { errorBodyFor } from '../errors/error-envelope.js';

export interface EnvelopeError {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  requestId: string;
}

/**
 * The body of a request-level error answered outside the app (the local server's guards, the Lambda
 * event guard), written by the one envelope module, as src/http/request-error.ts answers inside it.
 */
export function envelopeBody(path: string, { requestId, ...error }: EnvelopeError): string {
  return errorBodyFor(path, error, requestId);
}
