import { type AwsErrorInfo, ERROR_HTTP_STATUS, type ErrorCode, type FieldError } from './error-codes.js';

export interface FacadeErrorOptions {
  retryable?: boolean;
  aws?: AwsErrorInfo;
  fieldErrors?: FieldError[];
  /** HTTP status to use when this error fails the whole request (auth, limits); field errors keep 200. */
  requestStatus?: number;
  /** Seconds a client should wait before retrying (REST `Retry-After`). */
  retryAfterSeconds?: number;
  /** A more precise REST status than the code's default (504 for an upstream timeout). */
  status?: number;
  /** What went wrong underneath (the SDK's exception): kept for logs, never sent to clients. */
  cause?: unknown;
}

/**
 * The one error type the facade raises on purpose, whichever face answers it: a plain error with
 * the contract's fields. The faces write it in their envelope (src/errors/error-envelope.ts); GraphQL
 * converts it at one boundary (src/graphql/error-envelope-plugin.ts).
 */
export class FacadeError extends Error {
  override readonly name = 'FacadeError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly aws?: AwsErrorInfo;
  readonly fieldErrors?: FieldError[];
  readonly retryAfterSeconds?: number;
  /** The status of a whole-request failure (GraphQL's HTTP status; field errors keep 200). */
  readonly requestStatus?: number;
  private readonly status?: number;

  constructor(code: ErrorCode, message: string, options: FacadeErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.aws = options.aws;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.requestStatus = options.requestStatus;
    this.status = options.status ?? options.requestStatus;
  }

  /** The REST status (and the request-level status outside GraphQL). */
  get httpStatus(): number {
    return this.status ?? ERROR_HTTP_STATUS[this.code];
  }
}

export function badUserInput(fieldErrors: FieldError[]): FacadeError {
  const n = fieldErrors.length;
  return new FacadeError('BAD_USER_INPUT', `${n} invalid input field${n === 1 ? '' : 's'}`, { fieldErrors });
}
