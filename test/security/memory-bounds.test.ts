import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/graphql/query-limits-plugin.js';
import { v2Event } from '../support/apigw-events.js';
import { type Stack, startStack } from '../support/stack.js';
import { type LambdaApp, startLambdaApp } from './lambda-app.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMiB = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** A distinct ~900 KB query text that is still one valid token-light document. */
const hugeQuery = (i: number) => `# ${i} ${'x'.repeat(900_000)}\n{ __typename }`;
/** A distinct document of ~960 tokens in ~3 KB: each such AST pins ~300 KB when cached. */
const tokenHeavyQuery = (i: number) =>
  `query Q${i}(${Array.from({ length: 240 }, (_, j) => `$v${j}: Int`).join(', ')}) { __typename }`;

const post = (query: string) =>
  v2Event({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });

describe('memory a request can pin (Lambda handler, in process)', () => {
  let app: LambdaApp;
  beforeAll(async () => {
    app = await startLambdaApp();
  });
  afterAll(() => app.close());

  it('a query text over the length limit is refused before it is parsed, in the envelope', async () => {
    const result = await app.invoke(post(hugeQuery(0)));
    expect(result.statusCode).toBe(400);
    const error = JSON.parse(result.body).errors[0];
    expect(error.message).toBe(
      `Query length limit of ${QUERY_LIMITS.maxQueryLength} exceeded, found ${hugeQuery(0).length}.`,
    );
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', retryable: false });
    expect(error.extensions.requestId).toEqual(expect.any(String));
  });

  it('distinct large and token-heavy documents leave the heap where it was', async () => {
    for (let i = 0; i < 20; i++) await app.invoke(post(tokenHeavyQuery(-i)));
    const before = heapMiB();
    for (let i = 0; i < 60; i++) await app.invoke(post(hugeQuery(i)));
    // 300 x ~300 KB would be ~90 MiB with yoga's default cache of 1,024 documents.
    for (let i = 0; i < 300; i++) await app.invoke(post(tokenHeavyQuery(i)));
    const growth = heapMiB() - before;
    // The cache's whole budget is 8 MiB; allow for the runtime's own noise.
    expect(growth).toBeLessThan(16);
  });
});

describe('memory a request can pin (local server)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('a query text over the length limit gets 400 with a request id', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: hugeQuery(1) }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      retryable: false,
      requestId: res.headers.get('x-request-id'),
    });
  });
});
