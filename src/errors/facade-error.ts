import { GraphQLError } from 'graphql';
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
}

/**
 * The one error type the facade raises on purpose. It is a GraphQLError so yoga lets it through
 * unmasked, and REST reads the same fields, so both envelopes say the same thing.
 */
export class FacadeError extends GraphQLError {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly aws?: AwsErrorInfo;
  readonly fieldErrors?: FieldError[];
  readonly retryAfterSeconds?: number;
  private readonly status?: number;

  constructor(code: ErrorCode, message: string, options: FacadeErrorOptions = {}) {
    super(message, {
      extensions: {
        code,
        retryable: options.retryable ?? false,
        ...(options.aws ? { aws: options.aws } : {}),
        ...(options.fieldErrors ? { fieldErrors: options.fieldErrors } : {}),
        ...(options.requestStatus ? { http: { status: options.requestStatus } } : {}),
      },
    });
    this.name = 'FacadeError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.aws = options.aws;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.status = options.status ?? options.requestStatus;
  }

  get httpStatus(): number {
    return this.status ?? ERROR_HTTP_STATUS[this.code];
  }
}

export function badUserInput(fieldErrors: FieldError[]): FacadeError {
  const n = fieldErrors.length;
  return new FacadeError('BAD_USER_INPUT', `${n} invalid input field${n === 1 ? '' : 's'}`, { fieldErrors });
}
