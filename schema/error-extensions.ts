/**
 * The `extensions` of every GraphQL error of the AWS Partner facade (contract §3, §6.3), for typed
 * clients: `(error.extensions as ErrorExtensions).code`. The same shape as JSON Schema:
 * error-extensions.schema.json (generated; test/schema/error-extensions.test.ts keeps both in step).
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'SERVICE_QUOTA_EXCEEDED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RESOURCE_IN_USE'
  | 'THROTTLED'
  | 'INTERNAL_SERVER_ERROR'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_UNAVAILABLE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST';

export interface AwsErrorDetails {
  service: 'partnercentral-selling' | 'marketplace-catalog';
  operation: string;
  /** AWS exception name; null when the response named none. */
  errorName: string | null;
  httpStatusCode: number;
  requestId: string | null;
  /** AWS's Reason: REQUEST_VALIDATION_FAILED, BUSINESS_VALIDATION_FAILED, INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE, or later values. */
  reason?: string;
}

export interface FieldError {
  /** Input path, e.g. `input.changeSet[1].entity.type`; null when AWS named a field with no counterpart. */
  path: string | null;
  message: string;
  /** INVALID_STRING_FORMAT, ..., or AWS's own code (e.g. FieldValidationFailed). */
  code: string;
  /** AWS's own name for the field, when AWS reported it. */
  awsField?: string;
}

export interface ErrorExtensions {
  code: ErrorCode;
  retryable: boolean;
  /** Also in the x-request-id header; quote it to support. */
  requestId: string;
  /** Present only when AWS answered with an HTTP response. */
  aws?: AwsErrorDetails;
  /** Present only for input errors (BAD_USER_INPUT). */
  fieldErrors?: FieldError[];
}
