import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_SNAPSHOT, changeSetInput, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const REQUESTS = 2000;
const CONNECTIONS = 20;
// Field errors an overloaded upstream may legitimately produce; each is a documented answer.
const DOCUMENTED = new Set([
  'THROTTLED',
  'UPSTREAM_ERROR',
  'UPSTREAM_UNAVAILABLE',
  'RESOURCE_IN_USE',
  'SERVICE_QUOTA_EXCEEDED',
]);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Answer {
  token: string;
  field: 'createResourceSnapshot' | 'startChangeSet';
  status: number;
  body: string;
}

/** One bounded round: REQUESTS requests over CONNECTIONS connections, each with its own token. */
async function round(url: string, prefix: string): Promise<{ answers: Answer[]; result: autocannon.Result }> {
  const answers: Answer[] = [];
  let n = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    amount: REQUESTS,
    timeout: 20,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    requests: [
      {
        setupRequest(request, ctx) {
          const context = ctx as Record<string, unknown>;
          const i = n++;
          const token = `${prefix}-${i}`;
          const snapshot = i % 4 !== 0; // one change set for three snapshots (change sets lock entities)
          context.token = token;
          context.field = snapshot ? 'createResourceSnapshot' : 'startChangeSet';
          const body = snapshot
            ? { query: CREATE_SNAPSHOT, variables: { input: snapshotInput({ clientToken: token }) } }
            : {
                query: START_CHANGE_SET,
                variables: { input: changeSetInput({ clientRequestToken: token, intent: 'VALIDATE' }) },
              };
          return { ...request, body: JSON.stringify(body) };
        },
        onResponse(status, body, ctx) {
          const context = ctx as Record<string, unknown>;
          answers.push({
            token: context.token as string,
            field: context.field as Answer['field'],
            status,
            body,
          });
        },
      },
    ],
  });
  return { answers, result };
}

describe('bounded load with upstream throttling and 5xx faults', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      emulator: { changeSetDurationMs: 5, maxSnapshotsPerResource: 100_000, maxOpenChangeSets: 100_000 },
    });
    stack.emulator.setFaults({ throttleRate: 0.15, serverErrorRate: 0.1, seed: 20_240_601 });
  });
  afterAll(() => stack.close());

  function check(answers: Answer[], result: autocannon.Result) {
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    // Exactly one answer per request: none lost, none doubled.
    expect(answers).toHaveLength(REQUESTS);
    expect(new Set(answers.map((a) => a.token)).size).toBe(REQUESTS);

    const succeeded = new Set<string>();
    for (const a of answers) {
      expect(a.status, a.body).toBe(200);
      const body = JSON.parse(a.body);
      const payload = body.data?.[a.field];
      if (payload) {
        expect(payload.clientToken ?? payload.clientRequestToken).toBe(a.token);
        succeeded.add(a.token);
      } else {
        expect(body.errors).toHaveLength(1);
        expect(DOCUMENTED.has(body.errors[0].extensions.code), a.body).toBe(true);
        expect(body.errors[0].extensions.requestId).toBeTruthy();
      }
    }
    // At the emulator: every token created at most once, and exactly the ones answered as created.
    const { tokens } = stack.emulator.stats();
    expect(Object.values(tokens).every((count) => count === 1)).toBe(true);
    expect(new Set(Object.keys(tokens))).toEqual(succeeded);
    expect(succeeded.size).toBeGreaterThan(REQUESTS / 2);
  }

  it(`${REQUESTS} requests at concurrency ${CONNECTIONS}, twice: well-formed, exactly once, flat memory`, async () => {
    const first = await round(stack.url, 'warm');
    check(first.answers, first.result);
    stack.emulator.reset(); // drops the emulator's own state, so what is left is the app's
    stack.emulator.setFaults({ throttleRate: 0.15, serverErrorRate: 0.1, seed: 7 });
    gc();
    const before = process.memoryUsage().heapUsed;

    const second = await round(stack.url, 'load');
    check(second.answers, second.result);
    stack.emulator.reset();
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(growth, `heap grew by ${(growth / 1e6).toFixed(1)} MB`).toBeLessThan(25 * 1024 * 1024);
  }, 120_000);
});
