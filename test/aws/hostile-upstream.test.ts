import { CreateResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import { afterEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import {
  type AppOnUpstream,
  type Behaviour,
  type HostileUpstream,
  startAppOn,
  startHostileUpstream,
} from '../support/hostile-upstream.js';
import { CANCEL_CHANGE_SET, DESCRIBE_ENTITY, LIST_CHANGE_SETS } from '../support/lifecycle-operations.js';
import {
  CREATE_SNAPSHOT,
  changeSetInput,
  DESCRIBE_CHANGE_SET,
  GET_SNAPSHOT,
  START_CHANGE_SET,
  snapshotInput,
} from '../support/operations.js';
import { FAST_RETRIES } from '../support/stack.js';

const GOOD_SNAPSHOT = { Arn: 'arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/1', Revision: 1 };

let upstream: HostileUpstream | undefined;
let app: AppOnUpstream | undefined;
afterEach(async () => {
  await app?.close();
  await upstream?.close();
  app = undefined;
  upstream = undefined;
});

async function start(behave: (operation: string) => Behaviour, env: Record<string, string> = {}) {
  upstream = await startHostileUpstream(behave);
  app = await startAppOn(upstream.url, env, FAST_RETRIES);
  return { upstream, app };
}

const restPost = (url: string, path: string, body: unknown) =>
  fetch(`${url}/rest${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a hostile upstream: stalled answers', () => {
  it('60 answers that stall after their headers free their sockets; the next normal call succeeds', async () => {
    let stall = true;
    const { upstream, app } = await start(
      () => (stall ? { kind: 'stall-after-headers' } : { kind: 'answer', body: GOOD_SNAPSHOT }),
      {
        // The SDK's default pool size, fewer than the stalled answers.
        UPSTREAM_MAX_SOCKETS: '50',
        UPSTREAM_CONNECT_TIMEOUT_MS: '500',
        UPSTREAM_REQUEST_TIMEOUT_MS: '300',
        UPSTREAM_DEADLINE_MS: '1500',
      },
    );
    const stalled = await Promise.all(
      Array.from({ length: 60 }, () => gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() })),
    );
    for (const res of stalled) {
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
    }
    // Every stalled attempt was cut, its socket closed (the upstream sees no connection left).
    await expect.poll(() => upstream.openConnections(), { timeout: 2_000 }).toBe(0);
    stall = false;
    const res = await gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.createResourceSnapshot).toMatchObject({ arn: GOOD_SNAPSHOT.Arn, revision: 1 });
  });

  it('the call deadline ends the attempt in flight, socket included, when it passes', async () => {
    const { upstream, app } = await start(() => ({ kind: 'stall' }), {
      // The attempt alone would wait 20 s; the deadline cuts it at 400 ms.
      UPSTREAM_REQUEST_TIMEOUT_MS: '20000',
      UPSTREAM_DEADLINE_MS: '400',
    });
    const started = Date.now();
    const res = await gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
    await expect.poll(() => upstream.openConnections(), { timeout: 1_000 }).toBe(0);
  });
});

describe('a hostile upstream: the change-set lifecycle operations stall too', () => {
  it.each([
    ['cancelChangeSet', 'CancelChangeSet', CANCEL_CHANGE_SET, { input: { changeSetId: 'cs-stalled' } }],
    ['changeSets', 'ListChangeSets', LIST_CHANGE_SETS, {}],
    ['entity', 'DescribeEntity', DESCRIBE_ENTITY, { input: { entityId: 'prod-stalled' } }],
  ] as const)(
    '%s: the deadline ends the attempt in flight (%s), socket included',
    async (field, operation, query, variables) => {
      const { upstream, app } = await start(() => ({ kind: 'stall' }), {
        // The attempt alone would wait 20 s; the deadline cuts it at 400 ms.
        UPSTREAM_REQUEST_TIMEOUT_MS: '20000',
        UPSTREAM_DEADLINE_MS: '400',
      });
      const started = Date.now();
      const res = await gql(app.url, query, variables);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(upstream.received).toContain(operation);
      expect(res.body.data).toEqual({ [field]: null });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
      // Without the deadline tied to the attempt, the socket would stay open for the 20 s timeout.
      await expect.poll(() => upstream.openConnections(), { timeout: 1_000 }).toBe(0);
    },
  );
});

describe('the deadline without per-call options', () => {
  it("keeps the SDK's middleware cache: one resolved stack per command, reused by every call", async () => {
    const { app } = await start(() => ({ kind: 'answer', body: GOOD_SNAPSHOT }));
    for (let i = 0; i < 2; i++) await gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    // smithy's Client keeps `handlers` only while no call passes options (it deletes it otherwise).
    const handlers = (app.clients.partnerCentral as unknown as { handlers?: WeakMap<object, unknown> })
      .handlers;
    expect(handlers?.has(CreateResourceSnapshotCommand)).toBe(true);
  });
});

describe('a hostile upstream: answers that do not fit the model', () => {
  const cases: Array<[string, string, unknown, RegExp]> = [
    ['CreateResourceSnapshot', 'an empty answer', {}, /Arn is missing; Revision is missing/],
    [
      'CreateResourceSnapshot',
      'wrong member types',
      { Arn: 5, Revision: 'seven' },
      /Arn is not a valid string/,
    ],
    ['CreateResourceSnapshot', 'an empty Arn and revision 0', { Arn: '', Revision: 0 }, /Arn is empty/],
    ['StartChangeSet', 'an empty answer', {}, /ChangeSetId is missing; ChangeSetArn is missing/],
    ['GetResourceSnapshot', 'no Catalog', { Arn: 'arn:x', Revision: 2 }, /Catalog is missing/],
    [
      'DescribeChangeSet',
      'a change list that is not a list',
      { ChangeSetId: 'cs1', ChangeSet: 'nope' },
      /ChangeSet is not a list/,
    ],
  ];
  const graphql: Record<string, [string, Record<string, unknown>]> = {
    CreateResourceSnapshot: [CREATE_SNAPSHOT, { input: snapshotInput() }],
    StartChangeSet: [START_CHANGE_SET, { input: changeSetInput() }],
    GetResourceSnapshot: [GET_SNAPSHOT, { input: snapshotInput() }],
    DescribeChangeSet: [DESCRIBE_CHANGE_SET, { id: 'cs1' }],
  };

  for (const [operation, what, body, message] of cases) {
    it(`${operation} with ${what} is UPSTREAM_ERROR with AWS's request id, never a success`, async () => {
      const { app } = await start(() => ({ kind: 'answer', body }));
      const [query, variables] = graphql[operation] ?? ['', {}];
      const res = await gql(app.url, query, variables);
      const error = res.body.errors?.[0];
      expect(error?.message).toMatch(message);
      expect(error?.extensions).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        aws: { operation, httpStatusCode: 200, requestId: expect.stringMatching(/^hostile-/) },
      });
      expect(res.body.data?.[Object.keys(res.body.data ?? {})[0] ?? '']).toBeFalsy();
    });
  }

  it('REST answers 502 UPSTREAM_ERROR, without a Location, for an empty or mistyped answer', async () => {
    let body: unknown = {};
    const { app } = await start(() => ({ kind: 'answer', body }));
    for (const answer of [{}, { Arn: 5, Revision: 'seven' }]) {
      body = answer;
      const res = await restPost(app.url, '/resource-snapshots', snapshotInput());
      expect(res.status).toBe(502);
      expect(res.headers.get('location')).toBeNull();
      const json = await res.json();
      expect(json.error).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        aws: { requestId: expect.any(String) },
      });
    }
    body = {};
    const started = await restPost(app.url, '/change-sets', changeSetInput());
    expect(started.status).toBe(502);
    expect(started.headers.get('location')).toBeNull();
  });
});
