import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, changeSetInput, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

/** Every failure AWS can produce on the wire, injected by the emulator and seen as a client sees it. */
describe('AWS faults, translated', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { UPSTREAM_REQUEST_TIMEOUT_MS: '300' } });
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.emulator.reset();
    stack.emulator.setFaults({});
  });

  const create = () => gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
  const start = () => gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });

  it('THROTTLED (retryable) after the SDK used its 3 attempts, with the same token each time', async () => {
    stack.emulator.setFaults({ throttleRate: 1 });
    const res = await create();
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'THROTTLED',
      retryable: true,
      aws: { errorName: 'ThrottlingException', httpStatusCode: 429 },
    });
    expect(stack.emulator.stats().requests.CreateResourceSnapshot).toBe(3);
    expect(stack.emulator.stats().created.snapshots).toBe(0);
  });

  it('succeeds when throttling lets a retry through, and creates exactly one snapshot', async () => {
    stack.emulator.setFaults({ throttleRate: 0.5, seed: 7 });
    for (let i = 0; i < 10; i++) {
      const res = await create();
      if (res.body.errors) expect(res.body.errors[0]?.extensions?.code).toBe('THROTTLED');
    }
    const { created, tokens } = stack.emulator.stats();
    expect(created.snapshots).toBeGreaterThan(0);
    expect(Object.values(tokens).every((n) => n === 1)).toBe(true);
  });

  it('UPSTREAM_ERROR (retryable) for InternalServerException and InternalServiceException', async () => {
    stack.emulator.setFaults({ serverErrorRate: 1 });
    const pcs = await create();
    expect(pcs.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      aws: { service: 'partnercentral-selling', errorName: 'InternalServerException', httpStatusCode: 500 },
    });
    const mpc = await start();
    expect(mpc.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      aws: { service: 'marketplace-catalog', errorName: 'InternalServiceException', httpStatusCode: 500 },
    });
  });

  it('UPSTREAM_ERROR with errorName null for an unreadable (HTML) answer, without quoting it', async () => {
    stack.emulator.setFaults({ malformedRate: 1 });
    const res = await start();
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      aws: { errorName: null, httpStatusCode: 502 },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/<html|<HTML|Deserialization|\$response/);
  });

  it('UPSTREAM_UNAVAILABLE (no aws member) for a reset connection and for a timeout', async () => {
    stack.emulator.setFaults({ resetRate: 1 });
    const reset = await create();
    expect(reset.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
    expect(reset.body.errors?.[0]?.extensions).not.toHaveProperty('aws');

    stack.emulator.setFaults({ latencyMs: 1_000 });
    const slow = await start();
    expect(slow.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
    expect(slow.body.errors?.[0]?.extensions).not.toHaveProperty('aws');
  });

  it('UPSTREAM_UNAVAILABLE (504 on REST) once the whole-call deadline passes, before any attempt times out', async () => {
    // Attempts may take 6 s each (the default), but the whole call only 200 ms.
    const tight = await startStack({
      env: { UPSTREAM_DEADLINE_MS: '200' },
      emulator: { faults: { latencyMs: 2_000 } },
    });
    try {
      const started = performance.now();
      const res = await gql(tight.url, CREATE_SNAPSHOT, { input: snapshotInput() });
      expect(performance.now() - started).toBeLessThan(1_500);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
      expect(res.body.errors?.[0]?.extensions).not.toHaveProperty('aws');
      const rest = await fetch(`${tight.url}/rest/change-sets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(changeSetInput()),
      });
      expect(rest.status).toBe(504);
    } finally {
      await tight.close();
    }
  });

  it('FORBIDDEN for AccessDeniedException, without AWS text that could name the role', async () => {
    stack.emulator.setFaults({ accessDenied: true });
    for (const res of [await create(), await start()]) {
      const error = res.body.errors?.[0];
      expect(error?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        retryable: false,
        aws: { errorName: 'AccessDeniedException', httpStatusCode: 403 },
      });
      expect(error?.message).not.toMatch(/arn:/);
    }
  });

  it('UPSTREAM_UNAVAILABLE when AWS cannot be reached at all, and the server keeps serving', async () => {
    const down = await startStack();
    const url = down.emulator.url;
    await down.emulator.close();
    try {
      const res = await gql(down.url, CREATE_SNAPSHOT, { input: snapshotInput() });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
      expect(JSON.stringify(res.body)).not.toContain(url.split('//')[1]);
      const health = await fetch(`${down.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      await down.close().catch(() => undefined);
    }
  });
});
