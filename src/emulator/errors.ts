import { type Protocol, ServiceError } from './wire.js';

/** Errors whose shape is common to both services, modulo the name of the 500. */

export const throttlingError = (): ServiceError =>
  new ServiceError('ThrottlingException', 429, 'Rate exceeded');

export const internalError = (protocol: Protocol): ServiceError =>
  protocol === 'partner-central'
    ? new ServiceError('InternalServerException', 500, 'An internal error occurred. Try again later.')
    : new ServiceError('InternalServiceException', 500, 'There was an internal service exception.');

/**
 * With a Reason (Partner Central only), the message names the partner account's state rather than
 * the caller's permissions, as the Reason does.
 */
export function accessDeniedError(protocol: Protocol, operation: string, reason?: string): ServiceError {
  if (protocol === 'partner-central' && reason !== undefined) {
    return new ServiceError(
      'AccessDeniedException',
      403,
      `The partner account cannot perform ${operation} in its current state (${reason}).`,
      { Reason: reason },
    );
  }
  return new ServiceError('AccessDeniedException', 403, `User is not authorized to perform ${operation}`);
}

export const notFoundError = (message: string): ServiceError =>
  new ServiceError('ResourceNotFoundException', 404, message);

export const quotaError = (message: string): ServiceError =>
  new ServiceError('ServiceQuotaExceededException', 402, message);

export const resourceInUseError = (message: string): ServiceError =>
  new ServiceError('ResourceInUseException', 423, message);

export type RequestProblem = 'CannotParse' | 'Other';

/**
 * A whole-request problem (unparseable body, too large, wrong content type) as the service's
 * ValidationException: PCS 400 REQUEST_VALIDATION_FAILED without ErrorList (no field is at fault),
 * MPC 422 with one field-less ValidationExceptionFieldList entry.
 */
export function requestError(
  protocol: Protocol,
  message: string,
  problem: RequestProblem,
  status?: number,
): ServiceError {
  if (protocol === 'partner-central') {
    return new ServiceError('ValidationException', status ?? 400, message, {
      Reason: 'REQUEST_VALIDATION_FAILED',
    });
  }
  return new ServiceError('ValidationException', status ?? 422, message, {
    ValidationExceptionFieldList: [{ Reason: problem, Message: message }],
  });
}

export const unknownOperationError = (protocol: Protocol, message: string): ServiceError =>
  new ServiceError('UnknownOperationException', protocol === 'partner-central' ? 400 : 404, message);
