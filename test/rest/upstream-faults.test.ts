import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiClient } from '../support/openapi-client.js';
import { changeSetInput, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

/** Every failure AWS can produce on the wire, injected by the emulator, as a REST client sees it. */
describe('REST: AWS faults, with their HTTP statuses', () => {
  let stack: Stack;
  let api: OpenApiClient;
  beforeAll(async () => {
    stack = await startStack({ env: { UPSTREAM_REQUEST_TIMEOUT_MS: '300' } });
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => {
    stack.emulator.reset();
    stack.emulator.setFaults({});
  });

  const create = () => api.call('createResourceSnapshot', { body: snapshotInput() });
  const start = () => api.call('startChangeSet', { body: changeSetInput() });
  const describeOne = () => api.call('changeSet', { path: { changeSetId: 'cs-any' } });

  it('THROTTLED: 429 with Retry-After, after the SDK used its 3 attempts', async () => {
    stack.emulator.setFaults({ throttleRate: 1 });
    for (const res of [await create(), await start(), await describeOne()]) {
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(res.body.error).toMatchObject({
        code: 'THROTTLED',
        retryable: true,
        aws: { errorName: 'ThrottlingException', httpStatusCode: 429 },
      });
    }
    expect(stack.emulator.stats().requests.CreateResourceSnapshot).toBe(3);
    expect(stack.emulator.stats().created.snapshots).toBe(0);
  });

  it('UPSTREAM_ERROR: 502 for an AWS 5xx, and for an unreadable answer without quoting it', async () => {
    stack.emulator.setFaults({ serverErrorRate: 1 });
    const pcs = await create();
    expect(pcs.status).toBe(502);
    expect(pcs.body.error).toMatchObject({
      code: 'UPSTREAM_ERROR',
      retryable: true,
      aws: { service: 'partnercentral-selling', errorName: 'InternalServerException', httpStatusCode: 500 },
    });
    const mpc = await start();
    expect(mpc.status).toBe(502);
    expect(mpc.body.error.aws.errorName).toBe('InternalServiceException');

    stack.emulator.setFaults({ malformedRate: 1 });
    const html = await start();
    expect(html.status).toBe(502);
    expect(html.body.error).toMatchObject({ code: 'UPSTREAM_ERROR', aws: { errorName: null } });
    expect(JSON.stringify(html.body)).not.toMatch(/<html|Deserialization|\$response/i);
  });

  it('UPSTREAM_UNAVAILABLE: 503 for a reset connection, 504 for a timeout, no aws member, Retry-After', async () => {
    stack.emulator.setFaults({ resetRate: 1 });
    const reset = await create();
    expect(reset.status).toBe(503);
    expect(reset.headers.get('retry-after')).toBe('1');
    expect(reset.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(reset.body.error).not.toHaveProperty('aws');

    stack.emulator.setFaults({ latencyMs: 1_000 });
    const slow = await describeOne();
    expect(slow.status).toBe(504);
    expect(slow.body.error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    expect(slow.body.error).not.toHaveProperty('aws');
  });

  it("FORBIDDEN: 403 when AWS denies the facade, without AWS's text", async () => {
    stack.emulator.setFaults({ accessDenied: true });
    for (const res of [await create(), await start()]) {
      expect(res.status).toBe(403);
      expect(res.body.error).toMatchObject({
        code: 'FORBIDDEN',
        retryable: false,
        aws: { errorName: 'AccessDeniedException', httpStatusCode: 403 },
      });
      expect(res.body.error.message).not.toMatch(/arn:/);
    }
  });
});
