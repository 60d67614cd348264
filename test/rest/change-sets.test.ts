import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { OpenApiClient } from '../support/openapi-client.js';
import { changeSetInput, DESCRIBE_CHANGE_SET, SEED } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

// Long enough that a second start still finds the entity locked on a loaded CI machine.
const DURATION_MS = 1_000;

describe('REST change sets, through HTTP, the SDK and the emulator', () => {
  let stack: Stack;
  let api: OpenApiClient;

  const describeUntilDone = async (changeSetId: string) => {
    for (let i = 0; i < 50; i++) {
      const res = await api.call('changeSet', { path: { changeSetId } });
      if (res.body.status !== 'PREPARING' && res.body.status !== 'APPLYING') return res;
      await sleep(DURATION_MS / 5);
    }
    throw new Error('change set never completed');
  };

  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: DURATION_MS, maxOpenChangeSets: 2 } });
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it('POST starts a change set: 202, the payload, and a Location to poll until it succeeds', async () => {
    const res = await api.call('startChangeSet', { body: changeSetInput() });
    expect(res.status).toBe(202);
    const { changeSetId } = res.body;
    expect(res.body).toEqual({
      changeSetId: expect.stringMatching(/^[\w-]+$/),
      changeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${changeSetId}`,
      clientRequestToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.headers.get('location')).toBe(`change-sets/${changeSetId}`);
    const location = new URL(res.headers.get('location') ?? '', res.url);
    expect(location.href).toBe(`${stack.url}/rest/change-sets/${changeSetId}`);

    const now = await fetch(location);
    expect(now.status).toBe(200);
    expect(await now.json()).toMatchObject({
      changeSetId,
      changeSetName: 'Update title',
      intent: 'APPLY',
      status: expect.stringMatching(/^(PREPARING|APPLYING)$/),
      endTime: null,
      failureCode: null,
      changes: [
        {
          changeType: 'UpdateInformation',
          changeName: null,
          entity: SEED.product,
          details: null,
          detailsDocument: { ProductTitle: 'New title' },
          errors: [],
        },
      ],
    });

    const done = await describeUntilDone(changeSetId);
    expect(done.body.status).toBe('SUCCEEDED');
    expect(new Date(done.body.endTime).getTime()).not.toBeNaN();
  });

  it('answers exactly what GraphQL answers for the same change set, catalog given or defaulted', async () => {
    const { body } = await api.call('startChangeSet', { body: changeSetInput() });
    await describeUntilDone(body.changeSetId);
    const rest = await api.call('changeSet', { path: { changeSetId: body.changeSetId } });
    const explicit = await api.call('changeSet', {
      path: { changeSetId: body.changeSetId },
      query: { catalog: 'AWSMarketplace' },
    });
    const graphql = await gql(stack.url, DESCRIBE_CHANGE_SET, { id: body.changeSetId });
    expect(rest.body).toEqual(graphql.body.data?.changeSet);
    expect(explicit.body).toEqual(rest.body);
  });

  it('reports a change that does not apply as FAILED, with its errors', async () => {
    const { body } = await api.call('startChangeSet', {
      body: changeSetInput({
        changeSet: [{ changeType: 'UpdatePricingTerms', entity: SEED.product, details: '{"Terms":[]}' }],
      }),
    });
    const done = await describeUntilDone(body.changeSetId);
    expect(done.body).toMatchObject({ status: 'FAILED', failureCode: 'CLIENT_ERROR' });
    expect(done.body.changes[0].details).toBe('{"Terms":[]}');
    expect(done.body.changes[0].errors[0]).toEqual({ code: expect.any(String), message: expect.any(String) });
  });

  it('takes Idempotency-Key as the token when the body has none, and replays to the original', async () => {
    const headers = { 'Idempotency-Key': 'rest-change-0001' };
    const a = await api.call('startChangeSet', { body: changeSetInput(), headers });
    const b = await api.call('startChangeSet', { body: changeSetInput(), headers });
    expect(a.body.clientRequestToken).toBe('rest-change-0001');
    expect(b.status).toBe(202);
    expect(b.body).toEqual(a.body);
    expect(stack.emulator.stats().created.changeSets).toBe(1);
  });

  it('RESOURCE_IN_USE (423, retryable) while the entity is locked by a running change set', async () => {
    const first = await api.call('startChangeSet', { body: changeSetInput() });
    const locked = await api.call('startChangeSet', { body: changeSetInput() });
    expect(locked.status).toBe(423);
    expect(locked.body.error).toMatchObject({
      code: 'RESOURCE_IN_USE',
      retryable: true,
      aws: { operation: 'StartChangeSet', errorName: 'ResourceInUseException', httpStatusCode: 423 },
    });
    await describeUntilDone(first.body.changeSetId);
    expect((await api.call('startChangeSet', { body: changeSetInput() })).status).toBe(202);
  });

  it('SERVICE_QUOTA_EXCEEDED (402) past the open change sets allowed', async () => {
    await api.call('startChangeSet', { body: changeSetInput() });
    await api.call('startChangeSet', {
      body: changeSetInput({ changeSet: [{ changeType: 'UpdateInformation', entity: SEED.offer }] }),
    });
    const over = await api.call('startChangeSet', {
      body: changeSetInput({ changeSet: [{ changeType: 'CreateOffer', entity: { type: 'Offer@1.0' } }] }),
    });
    expect(over.status).toBe(402);
    expect(over.body.error).toMatchObject({ code: 'SERVICE_QUOTA_EXCEEDED', retryable: false });
  });

  it('NOT_FOUND (404) for an unknown entity and an unknown change set', async () => {
    const entity = await api.call('startChangeSet', {
      body: changeSetInput({
        changeSet: [
          { changeType: 'UpdateInformation', entity: { type: 'SaaSProduct@1.0', identifier: 'prod-nope' } },
        ],
      }),
    });
    expect(entity.status).toBe(404);
    expect(entity.body.error).toMatchObject({ code: 'NOT_FOUND', aws: { operation: 'StartChangeSet' } });
    const changeSet = await api.call('changeSet', { path: { changeSetId: 'cs-does-not-exist' } });
    expect(changeSet.status).toBe(404);
    expect(changeSet.body.error).toMatchObject({
      code: 'NOT_FOUND',
      aws: { operation: 'DescribeChangeSet' },
    });
  });

  it('BAD_USER_INPUT (400) from AWS for a token reused with another request', async () => {
    await api.call('startChangeSet', { body: changeSetInput({ clientRequestToken: 'tok-2' }) });
    const res = await api.call('startChangeSet', {
      body: changeSetInput({ clientRequestToken: 'tok-2', changeSetName: 'Other' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorName: 'ValidationException', httpStatusCode: 422 },
    });
  });
});
