import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { changeSetInput, DESCRIBE_CHANGE_SET, SEED, START_CHANGE_SET } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

// Long enough that PREPARING and the lock outlast a slow machine between two requests.
const DURATION_MS = 1_000;

async function waitForTerminal(url: string, id: string) {
  for (let i = 0; i < 50; i++) {
    const res = await gql(url, DESCRIBE_CHANGE_SET, { id });
    const status = res.body.data?.changeSet.status;
    if (status !== 'PREPARING' && status !== 'APPLYING') return res;
    await sleep(DURATION_MS / 5);
  }
  throw new Error('change set never completed');
}

describe('startChangeSet and changeSet, through HTTP, the SDK and the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: DURATION_MS, maxOpenChangeSets: 3 } });
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it('starts a change set, returns its token, and follows it PREPARING -> SUCCEEDED', async () => {
    const res = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    expect(res.body.errors).toBeUndefined();
    const started = res.body.data?.startChangeSet;
    expect(started.changeSetId).toMatch(/^[\w-]+$/);
    expect(started.changeSetArn).toBe(
      `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${started.changeSetId}`,
    );
    expect(started.clientRequestToken).toMatch(/^[0-9a-f-]{36}$/);

    const now = await gql(stack.url, DESCRIBE_CHANGE_SET, { id: started.changeSetId });
    expect(now.body.data?.changeSet).toMatchObject({
      changeSetId: started.changeSetId,
      changeSetName: 'Update title',
      intent: 'APPLY',
      status: 'PREPARING',
      endTime: null,
      changes: [
        {
          changeType: 'UpdateInformation',
          entity: SEED.product,
          detailsDocument: { ProductTitle: 'New title' },
          errors: [],
        },
      ],
    });

    const done = await waitForTerminal(stack.url, started.changeSetId);
    expect(done.body.data?.changeSet.status).toBe('SUCCEEDED');
    expect(done.body.data?.changeSet.endTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
  });

  it('reports a change that does not apply to its entity as FAILED with per-change errors', async () => {
    const res = await gql(stack.url, START_CHANGE_SET, {
      input: changeSetInput({
        changeSet: [{ changeType: 'UpdatePricingTerms', entity: SEED.product, details: '{"Terms":[]}' }],
      }),
    });
    const done = await waitForTerminal(stack.url, res.body.data?.startChangeSet.changeSetId);
    const changeSet = done.body.data?.changeSet;
    expect(changeSet.status).toBe('FAILED');
    expect(changeSet.failureCode).toBe('CLIENT_ERROR');
    expect(changeSet.changes[0].errors.length).toBeGreaterThan(0);
    expect(changeSet.changes[0].details).toBe('{"Terms":[]}');
  });

  it('translates a locked entity into RESOURCE_IN_USE (retryable), and succeeds once the first completes', async () => {
    const first = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    const locked = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    expect(locked.body.errors?.[0]?.extensions).toMatchObject({
      code: 'RESOURCE_IN_USE',
      retryable: true,
      aws: {
        service: 'marketplace-catalog',
        operation: 'StartChangeSet',
        errorName: 'ResourceInUseException',
        httpStatusCode: 423,
      },
    });
    await waitForTerminal(stack.url, first.body.data?.startChangeSet.changeSetId);
    const later = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    expect(later.body.errors).toBeUndefined();
  });

  it('replays the same clientRequestToken to the original change set without a new one', async () => {
    const input = changeSetInput({ clientRequestToken: 'replay-token-1' });
    const a = await gql(stack.url, START_CHANGE_SET, { input });
    const b = await gql(stack.url, START_CHANGE_SET, { input });
    expect(b.body.errors).toBeUndefined();
    expect(b.body.data?.startChangeSet).toEqual(a.body.data?.startChangeSet);
    expect(stack.emulator.stats().created.changeSets).toBe(1);
    expect(stack.emulator.stats().tokens['replay-token-1']).toBe(1);
  });

  it('rejects the same clientRequestToken with a different request as BAD_USER_INPUT from AWS (422)', async () => {
    await gql(stack.url, START_CHANGE_SET, { input: changeSetInput({ clientRequestToken: 'tok-2' }) });
    const res = await gql(stack.url, START_CHANGE_SET, {
      input: changeSetInput({ clientRequestToken: 'tok-2', changeSetName: 'Other' }),
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      aws: { errorName: 'ValidationException', httpStatusCode: 422 },
    });
  });

  it('translates an unknown entity and an unknown change set into NOT_FOUND', async () => {
    const entity = await gql(stack.url, START_CHANGE_SET, {
      input: changeSetInput({
        changeSet: [
          { changeType: 'UpdateInformation', entity: { type: 'SaaSProduct@1.0', identifier: 'prod-nope' } },
        ],
      }),
    });
    expect(entity.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      aws: { errorName: 'ResourceNotFoundException', httpStatusCode: 404 },
    });
    const changeSet = await gql(stack.url, DESCRIBE_CHANGE_SET, { id: 'cs-does-not-exist' });
    expect(changeSet.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      aws: { operation: 'DescribeChangeSet', httpStatusCode: 404 },
    });
  });

  it('translates the open change set quota into SERVICE_QUOTA_EXCEEDED', async () => {
    const starts = [
      changeSetInput(),
      changeSetInput({ changeSet: [{ changeType: 'UpdateInformation', entity: SEED.offer }] }),
      changeSetInput({ changeSet: [{ changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' } }] }),
    ];
    for (const input of starts) {
      const ok = await gql(stack.url, START_CHANGE_SET, { input });
      expect(ok.body.errors, JSON.stringify(ok.body.errors)).toBeUndefined();
    }
    const over = await gql(stack.url, START_CHANGE_SET, {
      input: changeSetInput({ changeSet: [{ changeType: 'CreateOffer', entity: { type: 'Offer@1.0' } }] }),
    });
    expect(over.body.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_QUOTA_EXCEEDED',
      retryable: false,
      aws: { errorName: 'ServiceQuotaExceededException', httpStatusCode: 402 },
    });
  });
});
