import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiClient } from '../support/openapi-client.js';
import { changeSetInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { type JwtIssuer, startJwtIssuer } from './jwt-issuer.js';

/** The REST routes of cancelChangeSet, changeSets and entity, checked against their own OpenAPI document. */
describe('REST: cancel, list, entity', () => {
  let stack: Stack;
  let api: OpenApiClient;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 60_000 } });
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  const start = async () => {
    const res = await api.call<{ changeSetId: string }>('startChangeSet', { body: changeSetInput() });
    return res.body.changeSetId;
  };

  it('POST /rest/change-sets/{id}/cancel cancels (200), with an empty body or {"catalog"}', async () => {
    const id = await start();
    const res = await api.call('cancelChangeSet', { path: { changeSetId: id }, body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      changeSetId: id,
      changeSetArn: `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${id}`,
    });
    // Cancelling released the entity's lock: a second change set on it starts.
    const second = await start();
    const empty = await fetch(`${stack.url}/rest/change-sets/${second}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(empty.status).toBe(200);
  });

  it('cancel: unknown id 404, finished 400 on changeSetId, bad input 400 with every field', async () => {
    const missing = await api.call('cancelChangeSet', { path: { changeSetId: 'nope' }, body: {} });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      aws: { operation: 'CancelChangeSet' },
    });

    const finished = await api.call('cancelChangeSet', {
      path: { changeSetId: 'examplesucceeded000000001' },
      body: {},
    });
    expect(finished.status).toBe(400);
    expect(finished.body.error.fieldErrors).toEqual([
      expect.objectContaining({ path: 'changeSetId', awsField: 'ChangeSetId' }),
    ]);

    stack.emulator.reset();
    const bad = await api.call('cancelChangeSet', {
      path: { changeSetId: 'a'.repeat(256) },
      query: { x: '1' },
      body: { catalog: 'Other', changeSetId: 'abc', extra: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      requestId: expect.any(String),
    });
    expect(
      bad.body.error.fieldErrors.map((e: { path: string }) => e.path),
      JSON.stringify(bad.body),
    ).toEqual(['x', 'changeSetId', 'catalog', 'changeSetId', 'extra']);
    expect(stack.emulator.stats().requests).toEqual({});
  });

  it('GET /rest/change-sets lists with repeated status, filters, sort and paging', async () => {
    const page = await api.call('changeSets', {
      query: { status: ['SUCCEEDED', 'FAILED'], sortOrder: 'ASCENDING', maxResults: 1 },
    });
    expect(page.status).toBe(200);
    expect(page.body.items).toEqual([
      {
        changeSetId: 'examplesucceeded000000001',
        changeSetArn:
          'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/examplesucceeded000000001',
        changeSetName: 'Update product information',
        status: 'SUCCEEDED',
        startTime: '2026-11-02T09:00:00Z',
        endTime: '2026-11-02T09:04:31Z',
        entityIdList: ['prod-example00001'],
        failureCode: null,
      },
    ]);
    const next = await api.call('changeSets', {
      query: {
        status: ['SUCCEEDED', 'FAILED'],
        sortOrder: 'ASCENDING',
        maxResults: 1,
        nextToken: page.body.nextToken,
      },
    });
    expect(next.body.items.map((i: { changeSetId: string }) => i.changeSetId)).toEqual([
      'examplefailed000000000001',
    ]);
    expect(next.body.nextToken).toBeNull();

    const byTime = await api.call('changeSets', { query: { startedAfter: '2026-11-04T00:00:00Z' } });
    expect(byTime.body.items.map((i: { changeSetId: string }) => i.changeSetId)).toEqual([
      'examplecancelled000000001',
    ]);
  });

  it('GET /rest/change-sets: every bad parameter at once, nothing sent to AWS', async () => {
    const res = await api.call('changeSets', {
      query: {
        status: ['DONE'],
        maxResults: 'ten',
        sortOrder: ['ASCENDING', 'DESCENDING'],
        startedBefore: '2026-13-01',
        nextToken: 'a b',
        unknown: '1',
      },
    });
    expect(res.status).toBe(400);
    expect(
      res.body.error.fieldErrors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`),
    ).toEqual([
      'sortOrder INVALID_VALUE',
      'status[0] INVALID_ENUM_VALUE',
      'startedBefore INVALID_STRING_FORMAT',
      'maxResults INVALID_VALUE',
      'nextToken INVALID_STRING_FORMAT',
      'unknown INVALID_VALUE',
    ]);
    expect(stack.emulator.stats().requests).toEqual({});
  });
});

describe('the new operations with AUTH_MODE=jwt: their own scopes', () => {
  let issuer: JwtIssuer;
  let stack: Stack;
  beforeAll(async () => {
    issuer = await startJwtIssuer();
    stack = await startStack({ env: issuer.env });
  });
  afterAll(async () => {
    await stack.close();
    await issuer.close();
  });

  const cases = [
    ['changeSets', 'marketplace/changesets.read', 'GET', '/rest/change-sets'],
    ['entity', 'marketplace/entities.read', 'GET', '/rest/entities/prod-example00001'],
    ['cancelChangeSet', 'marketplace/changesets.write', 'POST', '/rest/change-sets/nope/cancel'],
  ] as const;

  it.each(cases)('%s needs %s (403 without, before any AWS call)', async (_op, scope, method, path) => {
    stack.emulator.reset();
    const call = async (scopes: string[]) =>
      fetch(`${stack.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await issuer.token(scopes)}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
    const refused = await call(['partnercentral/snapshots.read', 'partnercentral/snapshots.write']);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(scope),
    });
    expect(stack.emulator.stats().requests).toEqual({});
    const allowed = await call([scope]);
    expect(allowed.status).not.toBe(403);
  });
});
