import type { AwsErrorInfo, ErrorCode, FieldError } from '../errors/error-codes.js';
import { FacadeError } from '../errors/facade-error.js';
import { mapAwsField } from './field-paths.js';
import { type PlacedChange, placeMpcField } from './mpc-field-placement.js';

/**
 * The one place where AWS SDK exceptions become the facade's error contract (contract §3).
 * AWS `...Exception` names leave this module only inside `extensions.aws.errorName`.
 */

export interface CallSite {
  service: AwsErrorInfo['service'];
  operation: string;
  /** The facade-side input, to place MPC field errors that name a change by type and entity. */
  changes?: readonly PlacedChange[];
  /** An operation's own reading of an AWS field name (ListChangeSets' `FilterList[i]`), tried first. */
  fieldPath?: (awsField: string) => string | null;
}

interface SdkErrorShape {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
  ErrorList?: Array<{ FieldName?: string; Message?: string; Code?: string }>;
  ValidationExceptionFieldList?: Array<{
    Field?: string;
    Message?: string;
    Reason?: string;
    ChangeType?: string;
    EntityId?: string;
    EntityType?: string;
  }>;
  Reason?: string;
}

const BY_NAME: Record<
  string,
  { code: ErrorCode; retryable: boolean; summary: string; passMessage: boolean }
> = {
  ValidationException: {
    code: 'BAD_USER_INPUT',
    retryable: false,
    summary: 'AWS rejected the input',
    passMessage: true,
  },
  // AWS's text may name the facade's own role and account: never pass it on.
  AccessDeniedException: {
    code: 'FORBIDDEN',
    retryable: false,
    summary: "The facade's AWS identity is not allowed to perform this operation on this resource",
    passMessage: false,
  },
  ResourceNotFoundException: {
    code: 'NOT_FOUND',
    retryable: false,
    summary: 'The resource does not exist or is not visible',
    passMessage: true,
  },
  ConflictException: {
    code: 'CONFLICT',
    retryable: false,
    summary: "The request conflicts with the resource's current state",
    passMessage: true,
  },
  ResourceInUseException: {
    code: 'RESOURCE_IN_USE',
    retryable: true,
    summary: 'An entity of this change set is locked by a change set still running; retry when it completes',
    passMessage: true,
  },
  // DescribeEntity of an entity whose type it cannot describe (HTTP 415): the request, as sent,
  // cannot succeed; there is no field to name.
  ResourceNotSupportedException: {
    code: 'BAD_USER_INPUT',
    retryable: false,
    summary: 'AWS does not support this operation on this resource',
    passMessage: true,
  },
  ServiceQuotaExceededException: {
    code: 'SERVICE_QUOTA_EXCEEDED',
    retryable: false,
    summary: 'An AWS service quota is exhausted',
    passMessage: true,
  },
  ThrottlingException: {
    code: 'THROTTLED',
    retryable: true,
    summary: 'AWS is throttling requests; retry with backoff',
    passMessage: false,
  },
  InternalServerException: {
    code: 'UPSTREAM_ERROR',
    retryable: true,
    summary: 'AWS reported an internal error; retry later',
    passMessage: false,
  },
  InternalServiceException: {
    code: 'UPSTREAM_ERROR',
    retryable: true,
    summary: 'AWS reported an internal error; retry later',
    passMessage: false,
  },
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException']);
const MAX_MESSAGE = 500;

function safeMessage(message: string | undefined): string | undefined {
  if (!message || message === 'UnknownError') return undefined;
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}

function fieldErrorsOf(err: SdkErrorShape, site: CallSite): FieldError[] | undefined {
  if (err.ErrorList?.length) {
    return err.ErrorList.map((e) => {
      const mapped = e.FieldName ? mapAwsField(e.FieldName) : null;
      return {
        path: mapped ? `input.${mapped}` : null,
        message: safeMessage(e.Message) ?? 'is invalid',
        code: reasonOf(e.Code) ?? 'INVALID_VALUE',
        ...(e.FieldName ? { awsField: e.FieldName } : {}),
      };
    });
  }
  if (err.ValidationExceptionFieldList?.length) {
    return err.ValidationExceptionFieldList.map((e) => {
      const mapped = e.Field ? (site.fieldPath?.(e.Field) ?? placeMpcField(e, site.changes)) : null;
      return {
        path: mapped ? `input.${mapped}` : null,
        message: safeMessage(e.Message) ?? 'is invalid',
        // AWS's own reason (FieldValidationFailed, CannotParse, Other, ...), as PCS's Code is kept.
        code: reasonOf(e.Reason) ?? 'INVALID_VALUE',
        ...(e.Field ? { awsField: e.Field } : {}),
      };
    });
  }
  return undefined;
}

/**
 * AWS's reasons are enum values (INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE, FieldValidationFailed, ...).
 * Echoed to clients and logs, so only one that looks like one is kept: at most 256 letters, digits
 * and underscores; anything else (free text, markup, megabytes) is left out.
 */
const REASON = /^[A-Za-z][A-Za-z0-9_]{0,255}$/;
const reasonOf = (value: unknown): string | undefined =>
  typeof value === 'string' && REASON.test(value) ? value : undefined;

function awsInfo(err: SdkErrorShape, site: CallSite, status: number, named: boolean): AwsErrorInfo {
  const reason = named ? reasonOf(err.Reason) : undefined;
  return {
    service: site.service,
    operation: site.operation,
    errorName: named && err.name && err.name !== 'Unknown' ? err.name : null,
    httpStatusCode: status,
    requestId: err.$metadata?.requestId ?? null,
    // PCS's AccessDeniedException.Reason and ValidationException.Reason, as AWS sent them.
    ...(reason ? { reason } : {}),
  };
}

// Access denied with a Reason is about the partner account, not the facade's IAM identity.
const DENIED_BY_REASON: Record<string, string> = {
  INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE:
    "The partner account's current state (its benefits or AWS Partner status) does not allow this operation",
};
const deniedFor = (reason: string | undefined) =>
  `${(reason && DENIED_BY_REASON[reason]) ?? 'AWS denied this operation because of the state of the partner account'}${reason ? ` (${reason})` : ''}; the facade's own permissions are not the cause.`;

/**
 * Returns the FacadeError for an SDK failure (the SDK's exception kept as its `cause`, for logs), or
 * the error itself when it is not AWS's (masked later).
 */
export function translateAwsError(error: unknown, site: CallSite): unknown {
  if (error instanceof FacadeError || typeof error !== 'object' || error === null) return error;
  const err = error as SdkErrorShape;
  const status = err.$metadata?.httpStatusCode;

  if (typeof status === 'number') {
    // A service exception has $fault; a response the SDK could not parse (SyntaxError) has none.
    const named = err.$fault !== undefined;
    const aws = awsInfo(err, site, status, named);
    const known = named && err.name ? BY_NAME[err.name] : undefined;
    if (known) {
      const detail = known.passMessage ? safeMessage(err.message) : undefined;
      const message =
        // (a Reason that is no enum-like code is not echoed, but still says it is about the account)
        err.name === 'AccessDeniedException' && (aws.reason || (typeof err.Reason === 'string' && err.Reason))
          ? deniedFor(aws.reason)
          : detail
            ? `${known.summary}: ${detail}`
            : `${known.summary}.`;
      return new FacadeError(known.code, message, {
        retryable: known.retryable,
        aws,
        ...(known.code === 'BAD_USER_INPUT' ? { fieldErrors: fieldErrorsOf(err, site) ?? [] } : {}),
        ...(known.code === 'THROTTLED' ? { retryAfterSeconds: 1 } : {}),
        cause: error,
      });
    }
    const retryable = status === 429 || status >= 500;
    return new FacadeError(
      'UPSTREAM_ERROR',
      named
        ? `AWS answered with an error the facade does not know (HTTP ${status}).`
        : `AWS answered with a response the facade could not read (HTTP ${status}).`,
      { retryable, aws, ...(status === 429 ? { retryAfterSeconds: 1 } : {}), cause: error },
    );
  }

  const timedOut = err.name !== undefined && TIMEOUT_NAMES.has(err.name) && err.code !== 'ECONNRESET';
  if (timedOut || (err.code !== undefined && NETWORK_CODES.has(err.code))) {
    return new FacadeError(
      'UPSTREAM_UNAVAILABLE',
      timedOut ? 'AWS did not answer in time; retry later.' : 'AWS could not be reached; retry later.',
      { retryable: true, status: timedOut ? 504 : 503, retryAfterSeconds: 1, cause: error },
    );
  }
  return error;
}
