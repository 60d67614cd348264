import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, SEED, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

/** AWS's own error details, end to end from the emulator's wire answers to the client. */
describe("AWS's error details reach the client", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 60_000 } });
  });
  afterAll(() => stack.close());

  it('PCS ValidationException.Reason is extensions.aws.reason (GraphQL and REST)', async () => {
    const input = snapshotInput({ resourceSnapshotTemplateIdentifier: 'NoSuchTemplate' });
    const res = await gql(stack.url, CREATE_SNAPSHOT, { input });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorName: 'ValidationException', reason: 'BUSINESS_VALIDATION_FAILED' },
    });
    const rest = await fetch(`${stack.url}/rest/resource-snapshots`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(rest.status).toBe(400);
    expect((await rest.json()).error.aws.reason).toBe('BUSINESS_VALIDATION_FAILED');
  });

  it('a details member relative to an update is placed on its change, in the form the client sent', async () => {
    const res = await gql(stack.url, START_CHANGE_SET, {
      input: {
        changeSet: [
          { changeType: 'UpdateInformation', entity: SEED.offer, details: JSON.stringify({ Name: 'ok' }) },
          { changeType: 'UpdateInformation', entity: SEED.product, detailsDocument: { ProductTitle: '' } },
        ],
      },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorName: 'ValidationException' },
      fieldErrors: [
        {
          path: 'input.changeSet[1].detailsDocument.ProductTitle',
          code: 'FieldValidationFailed',
          awsField: 'Details.ProductTitle',
        },
      ],
    });
  });

  it('a details member of a Create change (no EntityId) is placed on that change', async () => {
    const res = await gql(stack.url, START_CHANGE_SET, {
      input: {
        changeSet: [
          {
            changeType: 'UpdateInformation',
            entity: SEED.product,
            detailsDocument: { ProductTitle: 'fine' },
          },
          {
            changeType: 'CreateProduct',
            entity: { type: 'SaaSProduct@1.0' },
            details: JSON.stringify({ ProductTitle: 'x'.repeat(256) }),
          },
        ],
      },
    });
    expect(res.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'input.changeSet[1].details.ProductTitle',
        code: 'FieldValidationFailed',
        awsField: 'Details.ProductTitle',
      }),
    ]);
  });
});

describe('AccessDeniedException.Reason: the partner account, not the facade, is refused', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      emulator: {
        faults: { accessDenied: true, accessDeniedReason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' },
      },
    });
  });
  afterAll(() => stack.close());

  it('FORBIDDEN with the reason, and a message that does not blame the IAM role', async () => {
    const res = await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      retryable: false,
      aws: {
        errorName: 'AccessDeniedException',
        httpStatusCode: 403,
        reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
      },
    });
    expect(error?.message).toMatch(/partner account's current state/);
    expect(error?.message).not.toMatch(/identity is not allowed/);
  });
});
