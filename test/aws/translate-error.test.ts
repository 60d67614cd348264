import {
  MarketplaceCatalogServiceException,
  ValidationException as MpcValidationException,
  ResourceInUseException,
  ResourceNotSupportedException,
} from '@aws-sdk/client-marketplace-catalog';
import {
  AccessDeniedException as PcsAccessDeniedException,
  ValidationException as PcsValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { describe, expect, it } from 'vitest';
import { translateAwsError } from '../../src/aws/translate-error.js';
import { FacadeError } from '../../src/errors/facade-error.js';

// A unit test of a pure function: the SDK's own exception classes, built as its parser builds them.
const meta = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: 'req-1',
  attempts: 1,
  totalRetryDelay: 0,
});
const pcs = { service: 'partnercentral-selling', operation: 'CreateResourceSnapshot' } as const;
const mpc = { service: 'marketplace-catalog', operation: 'StartChangeSet' } as const;

function translated(error: unknown, site: Parameters<typeof translateAwsError>[1] = mpc): FacadeError {
  const out = translateAwsError(error, site);
  expect(out).toBeInstanceOf(FacadeError);
  return out as FacadeError;
}

describe('translateAwsError', () => {
  it('maps PCS ErrorList onto input paths, keeping the AWS field name', () => {
    const err = new PcsValidationException({
      message: '2 validation errors',
      Message: undefined,
      $metadata: meta(400),
      Reason: 'REQUEST_VALIDATION_FAILED',
      ErrorList: [
        { FieldName: 'EngagementIdentifier', Message: 'bad', Code: 'INVALID_STRING_FORMAT' },
        { FieldName: 'Something.New', Message: 'bad', Code: 'INVALID_VALUE' },
      ],
    });
    const out = translated(err, pcs);
    expect(out.code).toBe('BAD_USER_INPUT');
    expect(out.fieldErrors).toEqual([
      {
        path: 'input.engagementIdentifier',
        message: 'bad',
        code: 'INVALID_STRING_FORMAT',
        awsField: 'EngagementIdentifier',
      },
      { path: null, message: 'bad', code: 'INVALID_VALUE', awsField: 'Something.New' },
    ]);
    expect(out.aws).toEqual({
      service: 'partnercentral-selling',
      operation: 'CreateResourceSnapshot',
      errorName: 'ValidationException',
      httpStatusCode: 400,
      requestId: 'req-1',
      reason: 'REQUEST_VALIDATION_FAILED',
    });
  });

  it("keeps MPC's Reason as the field error code instead of collapsing it", () => {
    const err = new MpcValidationException({
      message: 'invalid',
      $metadata: meta(422),
      ValidationExceptionFieldList: [
        { Reason: 'FieldValidationFailed', Field: 'ChangeSetName', Message: 'bad' },
        { Reason: 'CannotParse', Field: 'ChangeSet[0].Details', Message: 'bad' },
        // A value AWS adds later: the SDK's enum types are open on the wire.
        { Reason: 'SomethingAwsAddsLater' as 'Other', Field: 'Intent', Message: 'bad' },
        { Field: 'Catalog', Message: 'bad' },
      ],
    });
    expect(translated(err).fieldErrors?.map((f) => [f.path, f.code])).toEqual([
      ['input.changeSetName', 'FieldValidationFailed'],
      ['input.changeSet[0].details', 'CannotParse'],
      ['input.intent', 'SomethingAwsAddsLater'],
      ['input.catalog', 'INVALID_VALUE'],
    ]);
  });

  it('AccessDeniedException with a Reason names the partner state, not the facade role, and passes the reason', () => {
    const denied = (Reason?: string) =>
      translated(
        Object.assign(
          new PcsAccessDeniedException({
            message: 'User: arn:aws:sts::123456789012:assumed-role/facade is not authorized',
            $metadata: meta(403),
            ...(Reason ? { Reason: Reason as 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' } : {}),
          }),
        ),
        pcs,
      );
    const plain = denied();
    expect(plain.message).toMatch(/facade's AWS identity/);
    expect(plain.aws).not.toHaveProperty('reason');
    const state = denied('INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE');
    expect(state.code).toBe('FORBIDDEN');
    expect(state.aws?.reason).toBe('INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE');
    expect(state.message).toMatch(/partner account's current state/);
    expect(state.message).not.toMatch(/identity is not allowed|arn:aws/);
    const later = denied('SOME_FUTURE_REASON');
    expect(later.aws?.reason).toBe('SOME_FUTURE_REASON');
    expect(later.message).toMatch(/state of the partner account \(SOME_FUTURE_REASON\)/);
  });

  it('places an MPC field relative to a change on that change, and keeps Details paths verbatim', () => {
    const err = new MpcValidationException({
      message: 'invalid',
      $metadata: meta(422),
      ValidationExceptionFieldList: [
        { Reason: 'FieldValidationFailed', Field: 'ChangeSet[1].Entity.Type', Message: 'bad type' },
        {
          Reason: 'FieldValidationFailed',
          Field: 'Details.DeliveryOptions[0].Type',
          ChangeType: 'AddDeliveryOptions',
          EntityId: 'prod-2',
          Message: 'bad',
        },
      ],
    });
    const out = translated(err, {
      ...mpc,
      changes: [
        { changeType: 'UpdateInformation', entity: { identifier: 'prod-1' } },
        { changeType: 'AddDeliveryOptions', entity: { identifier: 'prod-2' } },
      ],
    });
    expect(out.fieldErrors?.map((f) => f.path)).toEqual([
      'input.changeSet[1].entity.type',
      'input.changeSet[1].details.DeliveryOptions[0].Type',
    ]);
  });

  it('ResourceNotSupportedException (DescribeEntity, 415) is BAD_USER_INPUT, with AWS message', () => {
    const out = translated(
      new ResourceNotSupportedException({ message: 'Entity type not supported', $metadata: meta(415) }),
      { service: 'marketplace-catalog', operation: 'DescribeEntity' },
    );
    expect([out.code, out.retryable, out.httpStatus, out.fieldErrors]).toEqual([
      'BAD_USER_INPUT',
      false,
      400,
      [],
    ]);
    expect(out.message).toBe(
      'AWS does not support this operation on this resource: Entity type not supported',
    );
    expect(out.aws?.errorName).toBe('ResourceNotSupportedException');
  });

  it('ResourceInUseException is RESOURCE_IN_USE and retryable', () => {
    const out = translated(new ResourceInUseException({ message: 'locked', $metadata: meta(423) }));
    expect([out.code, out.retryable, out.httpStatus]).toEqual(['RESOURCE_IN_USE', true, 423]);
  });

  it('an unknown error name follows its status: retryable for 429 and 5xx only', () => {
    const make = (status: number) =>
      Object.assign(
        new MarketplaceCatalogServiceException({
          name: 'BrandNewException',
          $fault: status < 500 ? 'client' : 'server',
          $metadata: meta(status),
        }),
        {},
      );
    const a = translated(make(503));
    expect([a.code, a.retryable, a.aws?.errorName]).toEqual(['UPSTREAM_ERROR', true, 'BrandNewException']);
    const b = translated(make(418));
    expect([b.code, b.retryable]).toEqual(['UPSTREAM_ERROR', false]);
    const c = translated(make(429));
    expect(c.retryable).toBe(true);
  });

  it('an unparseable answer (SyntaxError with $metadata) has errorName null and does not quote the body', () => {
    const err = Object.assign(new SyntaxError('Deserialization error: <html>secret proxy page</html>'), {
      $metadata: meta(502),
    });
    const out = translated(err);
    expect(out.aws?.errorName).toBeNull();
    expect(out.message).not.toContain('secret');
  });

  it('timeouts and resets are UPSTREAM_UNAVAILABLE without aws', () => {
    const reset = translated(
      Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' }),
    );
    expect([reset.code, reset.retryable, reset.aws, reset.httpStatus]).toEqual([
      'UPSTREAM_UNAVAILABLE',
      true,
      undefined,
      503,
    ]);
    const timeout = translated(Object.assign(new Error('timed out'), { name: 'TimeoutError' }));
    expect(timeout.httpStatus).toBe(504);
    const refused = translated(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    );
    expect(refused.message).not.toContain('127.0.0.1');
  });

  it('anything else is returned untouched, to be masked as INTERNAL_SERVER_ERROR', () => {
    const bug = new TypeError('x is undefined');
    expect(translateAwsError(bug, mpc)).toBe(bug);
    const creds = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(translateAwsError(creds, mpc)).toBe(creds);
  });
});
