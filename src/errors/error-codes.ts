/** The public error codes (contract §3) and the HTTP status each has on REST and request level. */
export const ERROR_HTTP_STATUS = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  SERVICE_QUOTA_EXCEEDED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RESOURCE_IN_USE: 423,
  THROTTLED: 429,
  INTERNAL_SERVER_ERROR: 500,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNAVAILABLE: 503,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  /** A malformed HTTP request: unreadable JSON, wrong content type (405 for a wrong method). */
  BAD_REQUEST: 400,
} as const;

export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

/** Codes of AWS field validation, also used for local validation so both read alike. */
export type FieldErrorCode =
  | 'REQUIRED_FIELD_MISSING'
  | 'INVALID_ENUM_VALUE'
  | 'INVALID_STRING_FORMAT'
  | 'INVALID_VALUE'
  | 'NOT_ENOUGH_VALUES'
  | 'TOO_MANY_VALUES'
  | 'DUPLICATE_KEY_VALUE'
  | 'VALUE_OUT_OF_RANGE'
  | 'INVALID_RESOURCE_STATE'
  | 'ACTION_NOT_PERMITTED';

export interface FieldError {
  /** Relative to the field's arguments, dotted with [i] for list items; null when AWS named a field we cannot map. */
  path: string | null;
  message: string;
  code: FieldErrorCode | string;
  /** AWS's own name for the field, when the error came from AWS. */
  awsField?: string;
}

export interface AwsErrorInfo {
  service: 'partnercentral-selling' | 'marketplace-catalog';
  operation: string;
  errorName: string | null;
  httpStatusCode: number;
  requestId: string | null;
  /** AWS's `Reason` of the exception, when it sent one (e.g. `INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE`). */
  reason?: string;
}
