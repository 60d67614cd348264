import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLambdaApp } from '../security/lambda-app.js';
import { v2Event } from '../support/apigw-events.js';
import { gql } from '../support/graphql-client.js';
import { startAppOn, startHostileUpstream } from '../support/hostile-upstream.js';
import { CREATE_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { FAST_RETRIES, type Stack, startStack } from '../support/stack.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const mib = (n: number) => `${n.toFixed(1)} MiB`;

const QUERIES = 1_000;
/** Distinct ~900 KB query texts: a long comment around a valid document (the reported attack). */
const hugeQuery = (i: number) => `# ${i} ${'x'.repeat(900_000)}\n{ __typename }`;
/** Distinct documents of ~960 tokens that pass the length limit and are parsed (and cached). */
const tokenHeavyQuery = (i: number) =>
  `query Q${i}(${Array.from({ length: 240 }, (_, j) => `$v${j}: Int`).join(', ')}) { __typename }`;

describe('memory under a stream of distinct large queries', () => {
  it(`Lambda handler in process: ${QUERIES} x ~900 KB and ${QUERIES} token-heavy documents`, async () => {
    const app = await startLambdaApp();
    const post = (query: string) =>
      app.invoke(
        v2Event({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ query }),
        }),
      );
    for (let i = 0; i < 50; i++) await post(tokenHeavyQuery(-1 - i));
    const start = heapMiB();
    const statuses = new Map<number, number>();
    for (let i = 0; i < QUERIES; i++) {
      const { statusCode } = await post(hugeQuery(i));
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    }
    const afterHuge = heapMiB();
    for (let i = 0; i < QUERIES; i++) await post(tokenHeavyQuery(i));
    const afterHeavy = heapMiB();
    console.log(
      `[stress] Lambda heap: start ${mib(start)}, after ${QUERIES} x 900 KB ${mib(afterHuge)} (+${mib(afterHuge - start)}),` +
        ` after ${QUERIES} token-heavy ${mib(afterHeavy)} (+${mib(afterHeavy - start)}); statuses ${JSON.stringify([...statuses])}`,
    );
    await app.close();
    expect(afterHuge - start).toBeLessThan(5);
    // The parse cache may fill up to its 8 MiB budget.
    expect(afterHeavy - start).toBeLessThan(16);
  });

  describe('local server over loopback', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack.close());

    it(`${QUERIES} x ~900 KB queries over HTTP leave the heap and RSS where they were`, async () => {
      const post = (query: string) =>
        fetch(`${stack.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        });
      for (let i = 0; i < 20; i++) await post(hugeQuery(-1 - i));
      const start = heapMiB();
      const rss = process.memoryUsage().rss / 2 ** 20;
      for (let i = 0; i < QUERIES; i += 4) await Promise.all([0, 1, 2, 3].map((j) => post(hugeQuery(i + j))));
      const end = heapMiB();
      const rssEnd = process.memoryUsage().rss / 2 ** 20;
      console.log(
        `[stress] local server heap: ${mib(start)} -> ${mib(end)} (+${mib(end - start)}); RSS ${mib(rss)} -> ${mib(rssEnd)}`,
      );
      expect(end - start).toBeLessThan(5);
    });
  });
});

describe('sockets under stalled upstream answers', () => {
  it('60 answers stalled after their headers, then normal calls: all succeed, no socket left', async () => {
    let stall = true;
    const upstream = await startHostileUpstream(() =>
      stall
        ? { kind: 'stall-after-headers' }
        : { kind: 'answer', body: { Arn: 'arn:aws:partnercentral:us-east-1::snapshot/1', Revision: 1 } },
    );
    const app = await startAppOn(
      upstream.url,
      {
        UPSTREAM_MAX_SOCKETS: '50',
        UPSTREAM_CONNECT_TIMEOUT_MS: '1000',
        UPSTREAM_REQUEST_TIMEOUT_MS: '1000',
        UPSTREAM_DEADLINE_MS: '4000',
      },
      FAST_RETRIES,
    );
    try {
      const started = Date.now();
      const stalled = await Promise.all(
        Array.from({ length: 60 }, () => gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() })),
      );
      const answeredMs = Date.now() - started;
      const codes = new Map<string, number>();
      for (const r of stalled) {
        const code = r.body.errors?.[0]?.extensions?.code ?? 'OK';
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      await expect.poll(() => upstream.openConnections(), { timeout: 3_000 }).toBe(0);
      const stalledRequests = upstream.received.length;
      stall = false;
      const normal = await Promise.all(
        Array.from({ length: 20 }, () => gql(app.url, CREATE_SNAPSHOT, { input: snapshotInput() })),
      );
      const failed = normal.filter((r) => r.body.errors !== undefined).length;
      console.log(
        `[stress] sockets: 60 stalled calls answered in ${answeredMs} ms ${JSON.stringify([...codes])},` +
          ` ${stalledRequests} stalled attempts upstream, open upstream connections after: 0;` +
          ` then 20 normal calls: ${20 - failed} succeeded, ${failed} failed`,
      );
      expect([...codes.keys()]).toEqual(['UPSTREAM_UNAVAILABLE']);
      expect(failed).toBe(0);
    } finally {
      await app.close();
      await upstream.close();
    }
  });
});
