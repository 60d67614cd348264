import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { LIST_CHANGE_SETS } from '../support/lifecycle-operations.js';
import { changeSetInput, START_CHANGE_SET } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

// The emulator's seeded, finished change sets (docs/emulator.md), newest first.
const SEEDED = [
  {
    changeSetId: 'examplecancelled000000001',
    changeSetArn:
      'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/examplecancelled000000001',
    changeSetName: 'Update offer availability',
    status: 'CANCELLED',
    startTime: '2026-11-04T10:00:00Z',
    endTime: '2026-11-04T10:00:42Z',
    entityIdList: ['offer-example0001'],
    failureCode: null,
  },
  {
    changeSetId: 'examplefailed000000000001',
    changeSetName: 'Add dimensions to the offer',
    status: 'FAILED',
    failureCode: 'CLIENT_ERROR',
  },
  { changeSetId: 'examplesucceeded000000001', status: 'SUCCEEDED', entityIdList: ['prod-example00001'] },
];
const ids = (res: { body: { data?: Record<string, { items: Array<{ changeSetId: string }> }> | null } }) =>
  res.body.data?.changeSets?.items.map((i) => i.changeSetId);

describe('changeSets (ListChangeSets) through GraphQL, the SDK and the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 60_000 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it('lists the seeded change sets, newest first, with AWS times as AWS wrote them', async () => {
    const res = await gql(stack.url, LIST_CHANGE_SETS);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.changeSets.nextToken).toBeNull();
    expect(res.body.data?.changeSets.items).toMatchObject(SEEDED);
    expect(res.body.data?.changeSets.items[0]).toEqual(SEEDED[0]);
  });

  it('pages with maxResults and nextToken until nextToken is null', async () => {
    const first = await gql(stack.url, LIST_CHANGE_SETS, { input: { maxResults: 2 } });
    expect(ids(first)).toEqual(['examplecancelled000000001', 'examplefailed000000000001']);
    const token = first.body.data?.changeSets.nextToken;
    expect(token).toEqual(expect.any(String));
    const second = await gql(stack.url, LIST_CHANGE_SETS, { input: { maxResults: 2, nextToken: token } });
    expect(ids(second)).toEqual(['examplesucceeded000000001']);
    expect(second.body.data?.changeSets.nextToken).toBeNull();
  });

  it('filters by status, name, entity and times (ANDed), and sorts ascending', async () => {
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ status: ['FAILED', 'CANCELLED'] }, ['examplecancelled000000001', 'examplefailed000000000001']],
      [{ changeSetName: 'Update product information' }, ['examplesucceeded000000001']],
      [{ entityId: 'offer-example0001' }, ['examplecancelled000000001', 'examplefailed000000000001']],
      [{ entityId: 'offer-example0001', status: ['FAILED'] }, ['examplefailed000000000001']],
      [
        { startedAfter: '2026-11-03T00:00:00Z', startedBefore: '2026-11-04T00:00:00Z' },
        ['examplefailed000000000001'],
      ],
      [{ endedBefore: '2026-11-03T14:21:07.000Z' }, ['examplesucceeded000000001']],
      [{ endedAfter: '2026-11-04T11:00:00+01:00' }, ['examplecancelled000000001']],
      [
        { sortOrder: 'ASCENDING' },
        ['examplesucceeded000000001', 'examplefailed000000000001', 'examplecancelled000000001'],
      ],
    ];
    for (const [input, expected] of cases) {
      const res = await gql(stack.url, LIST_CHANGE_SETS, { input });
      expect(res.body.errors, JSON.stringify(input)).toBeUndefined();
      expect(ids(res), JSON.stringify(input)).toEqual(expected);
    }
  });

  it('lists a change set just started, PREPARING, with no end time', async () => {
    const started = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    const id = started.body.data?.startChangeSet.changeSetId;
    const res = await gql(stack.url, LIST_CHANGE_SETS, { input: { status: ['PREPARING'] } });
    expect(res.body.data?.changeSets.items).toEqual([
      expect.objectContaining({
        changeSetId: id,
        status: 'PREPARING',
        endTime: null,
        changeSetName: 'Update title',
      }),
    ]);
  });

  it('validates every field before any AWS call, all at once', async () => {
    const res = await gql(stack.url, LIST_CHANGE_SETS, {
      input: {
        catalog: 'Other',
        status: [],
        changeSetName: 'x'.repeat(256),
        entityId: '',
        maxResults: 21,
        nextToken: 'not a token',
      },
    });
    expect(res.body.data).toEqual({ changeSets: null });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      requestId: expect.any(String),
      fieldErrors: [
        { path: 'input.catalog', code: 'INVALID_ENUM_VALUE' },
        { path: 'input.status', code: 'NOT_ENOUGH_VALUES' },
        {
          path: 'input.changeSetName',
          code: 'INVALID_STRING_FORMAT',
          message: 'must be at most 255 characters',
        },
        { path: 'input.entityId', code: 'INVALID_STRING_FORMAT' },
        { path: 'input.maxResults', code: 'VALUE_OUT_OF_RANGE', message: 'must be at most 20' },
        { path: 'input.nextToken', code: 'INVALID_STRING_FORMAT' },
      ],
    });
    const more = await gql(stack.url, LIST_CHANGE_SETS, {
      input: { maxResults: 0, status: Array(11).fill('FAILED'), nextToken: 'a'.repeat(4097) },
    });
    expect(more.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: 'input.status', code: 'TOO_MANY_VALUES', message: 'must have at most 10 statuses' },
      { path: 'input.maxResults', code: 'VALUE_OUT_OF_RANGE', message: 'must be at least 1' },
      { path: 'input.nextToken', code: 'INVALID_STRING_FORMAT', message: 'must be at most 4096 characters' },
    ]);
    const badEnum = await gql(stack.url, LIST_CHANGE_SETS, { input: { status: ['DONE'] } });
    expect(badEnum.status).toBe(400);
    expect(badEnum.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badTime = await gql(stack.url, LIST_CHANGE_SETS, { input: { startedAfter: 'yesterday' } });
    expect(badTime.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(stack.emulator.stats().requests).toEqual({});
  });

  it("a token the emulator did not issue is AWS's ValidationException, BAD_USER_INPUT", async () => {
    const res = await gql(stack.url, LIST_CHANGE_SETS, { input: { nextToken: 'forged-token' } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { operation: 'ListChangeSets', errorName: 'ValidationException', httpStatusCode: 422 },
      fieldErrors: [expect.objectContaining({ path: 'input.nextToken', awsField: 'NextToken' })],
    });
  });
});
