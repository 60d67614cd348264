import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CANCEL_CHANGE_SET } from '../support/lifecycle-operations.js';
import { changeSetInput, DESCRIBE_CHANGE_SET, START_CHANGE_SET } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

// PREPARING lasts half of it: long enough for a start and a cancel on a slow machine.
const DURATION_MS = 4_000;

describe('cancelChangeSet through GraphQL, the SDK and the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: DURATION_MS } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  const start = async () => {
    const res = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    return res.body.data?.startChangeSet.changeSetId as string;
  };

  it('cancels a PREPARING change set, which then reads back CANCELLED with an end time', async () => {
    const id = await start();
    const res = await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: id } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        cancelChangeSet: {
          changeSetId: id,
          changeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${id}`,
        },
      },
    });
    const read = await gql(stack.url, DESCRIBE_CHANGE_SET, { id });
    expect(read.body.data?.changeSet.status).toBe('CANCELLED');
    expect(read.body.data?.changeSet.endTime).not.toBeNull();
  });

  it('a change set cancelled already is AWS input error, BAD_USER_INPUT on changeSetId', async () => {
    const id = await start();
    await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: id } });
    const again = await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: id } });
    expect(again.body.data).toEqual({ cancelChangeSet: null });
    expect(again.body.errors?.[0]).toMatchObject({
      path: ['cancelChangeSet'],
      extensions: {
        code: 'BAD_USER_INPUT',
        retryable: false,
        requestId: expect.any(String),
        aws: {
          service: 'marketplace-catalog',
          operation: 'CancelChangeSet',
          errorName: 'ValidationException',
        },
        fieldErrors: [expect.objectContaining({ path: 'input.changeSetId', awsField: 'ChangeSetId' })],
      },
    });
  });

  it('an unknown change set is NOT_FOUND, with the AWS request id', async () => {
    const res = await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: 'no-such-change-set' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      aws: { errorName: 'ResourceNotFoundException', httpStatusCode: 404, requestId: expect.any(String) },
    });
  });

  it('validates every field before any AWS call, all at once', async () => {
    const res = await gql(stack.url, CANCEL_CHANGE_SET, {
      input: { catalog: 'AWSMarketplaceX', changeSetId: 'has space' },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      fieldErrors: [
        { path: 'input.catalog', code: 'INVALID_ENUM_VALUE', message: 'must be AWSMarketplace' },
        { path: 'input.changeSetId', code: 'INVALID_STRING_FORMAT', message: 'must match ^[\\w-]+$' },
      ],
    });
    const tooLong = await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: 'a'.repeat(256) } });
    expect(tooLong.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: 'input.changeSetId', code: 'INVALID_STRING_FORMAT', message: 'must be at most 255 characters' },
    ]);
    const empty = await gql(stack.url, CANCEL_CHANGE_SET, { input: { changeSetId: '' } });
    expect(empty.body.errors?.[0]?.extensions?.fieldErrors?.[0]).toMatchObject({ path: 'input.changeSetId' });
    expect(stack.emulator.stats().requests).toEqual({});
  });

  it('the root field is nullable: a failing cancel leaves the other fields of the mutation their data', async () => {
    const id = await start();
    const res = await gql(
      stack.url,
      `mutation($id: ID!) {
        bad: cancelChangeSet(input: { changeSetId: "no-such-change-set" }) { changeSetId }
        good: cancelChangeSet(input: { changeSetId: $id }) { changeSetId }
      }`,
      { id },
    );
    expect(res.body.data).toEqual({ bad: null, good: { changeSetId: id } });
    expect(res.body.errors).toHaveLength(1);
  });
});
