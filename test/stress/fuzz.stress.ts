import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaApp, startLambdaApp } from '../security/lambda-app.js';
import { type RequestSpec, v1Event, v2Event } from '../support/apigw-events.js';
import { isAwsReferenceRefusal } from '../support/aws-reference-refusal.js';
import { CANCEL_CHANGE_SET, DESCRIBE_ENTITY, LIST_CHANGE_SETS } from '../support/lifecycle-operations.js';
import {
  CREATE_SNAPSHOT,
  changeSetInput,
  DESCRIBE_CHANGE_SET,
  GET_SNAPSHOT,
  START_CHANGE_SET,
  snapshotInput,
} from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const HTTP_REQUESTS = 6_000;
const LAMBDA_EVENTS = 4_000;
const CONCURRENCY = 16;

/** A seeded PRNG (mulberry32), so a failing run can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const random = prng(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const STRINGS = [
  '',
  ' ',
  'a',
  'O1234567890',
  'eng-a1b2c3d4e5f6g7',
  '💥'.repeat(50),
  'x'.repeat(5_000),
  '\u0000',
  '{{x}}',
  '<script>',
  "'; DROP",
  'Sandbox',
  'SANDBOX',
  'AWS',
];
const VALUES: unknown[] = [
  ...STRINGS,
  0,
  -1,
  1.5,
  2 ** 31,
  1e300,
  true,
  null,
  [],
  {},
  [1, 2],
  { a: { b: {} } },
];

/** The input with some fields replaced, dropped or added: mostly invalid, sometimes valid. */
function mutate(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredClone(input);
  const keys = Object.keys(out);
  const n = Math.floor(random() * 3);
  for (let i = 0; i < n; i++) {
    const r = random();
    if (r < 0.5) out[pick(keys)] = pick(VALUES);
    else if (r < 0.75) delete out[pick(keys)];
    else out[pick(['foo', 'revision', 'clientToken', '__proto__', 'constructor'])] = pick(VALUES);
  }
  return out;
}

/** ListChangeSets' parameters: some valid, some wrong, some unknown; `status` may repeat. */
const LIST_PARAMS: Record<string, readonly string[]> = {
  status: ['FAILED', 'SUCCEEDED', 'PREPARING', 'failed', 'ARCHIVED', ''],
  maxResults: ['1', '20', '0', '21', '1.5', '-1', 'abc', '1e3', ''],
  nextToken: ['tok+/=.:@-1', 'bad token', 'x'.repeat(5_000), ''],
  startedAfter: ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00.123456Z', '2026-01-01', 'yesterday'],
  startedBefore: ['2026-01-01T00:00:00+02:00', '2026-13-01T00:00:00Z'],
  endedAfter: ['2026-01-01T00:00:00.5Z', '0'],
  endedBefore: ['2099-12-31T23:59:59Z'],
  sortOrder: ['ASCENDING', 'DESCENDING', 'up'],
  changeSetName: ['Update title', '\u0000', ''],
  entityId: ['prod-example00001', 'x'.repeat(300)],
  catalog: ['AWSMarketplace', 'AWS', 'SANDBOX'],
  colour: ['blue'],
  // (computed: a literal `__proto__:` would set the prototype, not add the parameter)
  ['__proto__']: ['x'],
  constructor: ['x'],
};
const LIST_NAMES = Object.keys(LIST_PARAMS);
const listValue = (name: string) =>
  random() < 0.1 ? String(pick(STRINGS)) : pick(LIST_PARAMS[name] ?? ['']);

function listQueryString(): string {
  const pairs: string[] = [];
  const n = Math.floor(random() * 5);
  for (let i = 0; i < n; i++) {
    // `status` repeated half the time
    const name = random() < 0.25 ? 'status' : pick(LIST_NAMES);
    pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(listValue(name))}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

function listInput(): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of LIST_NAMES.slice(0, 10)) {
    if (random() < 0.3) {
      const value = listValue(name);
      input[name] = name === 'status' ? [value] : name === 'maxResults' ? Number(value) : value;
    }
  }
  return input;
}

const GRAPHQL_BODIES: Array<() => string> = [
  () => JSON.stringify({ query: CREATE_SNAPSHOT, variables: { input: mutate(snapshotInput()) } }),
  () => JSON.stringify({ query: GET_SNAPSHOT, variables: { input: mutate(snapshotInput({ revision: 1 })) } }),
  () =>
    JSON.stringify({
      query: START_CHANGE_SET,
      variables: { input: mutate(changeSetInput({ intent: 'VALIDATE' })) },
    }),
  () => JSON.stringify({ query: DESCRIBE_CHANGE_SET, variables: { id: pick(VALUES) } }),
  () =>
    JSON.stringify({
      query: CANCEL_CHANGE_SET,
      variables: { input: mutate({ catalog: 'AWSMarketplace', changeSetId: 'cs-fuzz' }) },
    }),
  () => JSON.stringify({ query: LIST_CHANGE_SETS, variables: { input: mutate(listInput()) } }),
  () =>
    JSON.stringify({
      query: DESCRIBE_ENTITY,
      variables: { input: mutate({ catalog: 'AWSMarketplace', entityId: 'prod-example00001' }) },
    }),
  () =>
    JSON.stringify({
      query: pick([
        '{',
        '{ __typename }',
        'query A { __typename } query B { __typename }',
        `{ ${'a: __typename '.repeat(8)}}`,
        '{ __schema { types { name } } }',
        'subscription { x }',
        `# ${'c'.repeat(120_000)}\n{ __typename }`,
      ]),
    }),
  () => JSON.stringify({ query: pick(VALUES), variables: pick(VALUES), operationName: pick(VALUES) }),
  () => JSON.stringify([{ query: '{ __typename }' }]),
  () => pick(['{', '', 'null', '[]', '"x"', '{"query":', '\u0000\u0001']),
];
const REST_BODIES: Array<() => string> = [
  () => JSON.stringify(mutate(snapshotInput())),
  () => JSON.stringify(mutate(changeSetInput({ intent: 'VALIDATE' }))),
  () => pick(['{', '', 'null', '[]', '"x"', '{"a":1}']),
  // Cancel's optional body
  () => JSON.stringify(mutate({ catalog: 'AWSMarketplace' })),
];
const PATHS = [
  '/graphql',
  '/graphql',
  '/graphql',
  '/rest/resource-snapshots',
  '/rest/change-sets',
  '/rest/change-sets/cs-fuzz',
  '/rest/openapi.json',
  '/health',
  '/nope',
  '/graphql/',
  '/GRAPHQL',
  '/rest/change-sets/%zz',
  '/rest/../graphql',
  '/rest/resource-snapshots?revision=99999999999&catalog=SANDBOX',
  '/rest/change-sets/cs-fuzz/cancel',
  '/rest/change-sets/bad.id/cancel',
  '/rest/change-sets/cs-fuzz/cancel?catalog=AWSMarketplace',
  '/rest/entities/prod-example00001',
  '/rest/entities/bad.id',
  '/rest/entities/prod-example00001?catalog=AWS',
  '/rest/change-sets',
];
const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'APPLICATION/JSON',
  'application/vnd.api+json',
  'application/json; charset=utf-8',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'garbage',
];
const ACCEPTS = [
  '',
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'text/html',
  'application/xml',
  'garbage',
  'APPLICATION/JSON',
];

interface Spec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function randomSpec(): Spec {
  const method = pick(METHODS);
  const path = pick(PATHS);
  const headers: Record<string, string> = {};
  const type = pick(CONTENT_TYPES);
  if (type) headers['content-type'] = type;
  const accept = pick(ACCEPTS);
  if (accept) headers.accept = accept;
  if (random() < 0.2)
    headers['x-request-id'] = pick(['short', 'a-valid-client-id-123', '../../etc', 'x'.repeat(300)]);
  if (random() < 0.1) headers.origin = pick(['https://evil.example', 'null']);
  if (random() < 0.05) headers.authorization = pick(['Bearer x', 'Basic y']);
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
    body = (path.startsWith('/graphql') ? pick(GRAPHQL_BODIES) : pick(REST_BODIES))();
  }
  if (method === 'GET' && path === '/rest/change-sets')
    return { method, path: path + listQueryString(), headers };
  const query =
    method === 'GET' && path === '/graphql'
      ? `?query=${encodeURIComponent(pick(['{ __typename }', '{', 'mutation { __typename }']))}${random() < 0.3 ? `&variables=${encodeURIComponent(pick(['{', '[]', '{"a":1}', 'null']))}` : ''}`
      : '';
  return { method, path: path + query, headers, body };
}

interface Tally {
  total: number;
  byStatus: Map<number, number>;
  outsideEnvelope: Array<string>;
  fiveXX: Array<string>;
  invalidReachedAws: Array<string>;
}
const tally = (): Tally => ({
  total: 0,
  byStatus: new Map(),
  outsideEnvelope: [],
  fiveXX: [],
  invalidReachedAws: [],
});

/** Judges one answer against the contract: < 500, and every error in the envelope with its request id. */
function judge(
  t: Tally,
  spec: Spec,
  status: number,
  headers: (name: string) => string | undefined,
  body: string,
) {
  t.total++;
  t.byStatus.set(status, (t.byStatus.get(status) ?? 0) + 1);
  const what = `${spec.method} ${spec.path.slice(0, 60)} ct=${spec.headers['content-type'] ?? ''} -> ${status} ${body.slice(0, 120)}`;
  if (status >= 500) t.fiveXX.push(what);
  if (
    spec.method === 'HEAD' ||
    status === 204 ||
    (status < 300 && (headers('content-type') ?? '').startsWith('text/html'))
  )
    return;
  let json: {
    errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>;
    error?: Record<string, unknown>;
  };
  try {
    json = JSON.parse(body);
  } catch {
    if (status >= 400) t.outsideEnvelope.push(what);
    return;
  }
  const requestId = headers('x-request-id');
  const errors: Array<Record<string, unknown>> = json.errors
    ? json.errors.map((e) => ({ ...(e.extensions ?? {}), message: e.message }))
    : json.error
      ? [json.error]
      : [];
  if (status >= 400 && errors.length === 0) t.outsideEnvelope.push(what);
  // The GraphQL endpoint answers in the GraphQL envelope, whatever went wrong.
  if (status >= 400 && spec.path.split('?')[0] === '/graphql' && !json.errors) t.outsideEnvelope.push(what);
  for (const e of errors) {
    if (typeof e.code !== 'string' || typeof e.retryable !== 'boolean' || e.requestId !== requestId) {
      t.outsideEnvelope.push(what);
      break;
    }
    const aws = e.aws as { errorName?: string } | undefined;
    if (aws?.errorName === 'ValidationException' && !isAwsReferenceRefusal(e.message)) {
      t.invalidReachedAws.push(`${what} ${(spec.body ?? '').slice(0, 400)}`);
    }
  }
}

function report(name: string, t: Tally, ms: number, awsRequests: number) {
  console.log(
    `[stress] fuzz ${name}: ${t.total} requests in ${(ms / 1000).toFixed(1)} s, statuses ${JSON.stringify([...t.byStatus].sort((a, b) => a[0] - b[0]))};` +
      ` outside the envelope ${t.outsideEnvelope.length}, 5xx ${t.fiveXX.length}, invalid requests AWS refused ${t.invalidReachedAws.length}, requests that reached AWS ${awsRequests}`,
  );
  for (const line of [...t.outsideEnvelope, ...t.fiveXX, ...t.invalidReachedAws].slice(0, 10))
    console.log(`[stress]   ${line}`);
}

const awsCount = (stats: { requests: Record<string, number> }) =>
  Object.values(stats.requests).reduce((a, b) => a + b, 0);

describe(`fuzz (seed ${SEED})`, () => {
  let stack: Stack;
  let lambda: LambdaApp;
  beforeAll(async () => {
    stack = await startStack();
    lambda = await startLambdaApp({ AUTH_MODE: 'jwt' });
  });
  afterAll(async () => {
    await stack.close();
    await lambda.close();
  });

  it(`${HTTP_REQUESTS} requests to the local server`, async () => {
    const t = tally();
    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < HTTP_REQUESTS) {
          next++;
          const spec = randomSpec();
          const res = await fetch(`${stack.url}${spec.path}`, {
            method: spec.method,
            headers: spec.headers,
            body: spec.body,
          });
          const text = await res.text();
          judge(t, spec, res.status, (n) => res.headers.get(n) ?? undefined, text);
        }
      }),
    );
    report('local server', t, Date.now() - started, awsCount(stack.emulator.stats()));
    // The change-set lifecycle was reached, valid requests of it included.
    const reached = stack.emulator.stats().requests;
    console.log(`[stress]   AWS calls by operation ${JSON.stringify(reached)}`);
    for (const operation of ['CancelChangeSet', 'ListChangeSets', 'DescribeEntity'])
      expect(reached[operation], operation).toBeGreaterThan(0);
    expect(t.outsideEnvelope).toEqual([]);
    expect(t.fiveXX).toEqual([]);
    expect(t.invalidReachedAws).toEqual([]);
  });

  it(`${LAMBDA_EVENTS} API Gateway events, well-formed and corrupted, into the Lambda handler`, async () => {
    const t = tally();
    const started = Date.now();
    for (let i = 0; i < LAMBDA_EVENTS; i++) {
      const spec = randomSpec();
      const [path, query] = spec.path.split('?');
      const request: RequestSpec = {
        method: spec.method,
        path: path ?? '/',
        query,
        headers: spec.headers,
        body: spec.body,
        base64: random() < 0.2,
      };
      // biome-ignore lint/suspicious/noExplicitAny: events are free-form JSON to corrupt.
      const event: any = random() < 0.6 ? v2Event(request) : v1Event(request);
      const r = random();
      if (r < 0.05) event.body = 'not base64 %%%';
      else if (r < 0.1) event.headers = { ...event.headers, accept: pick([5, null, ['a'], {}]) };
      else if (r < 0.13) delete event.requestContext;
      else if (r < 0.16) event.body = pick([{}, 5, ['x']]);
      else if (r < 0.2 && spec.method === 'GET') event.body = 'a body on a GET';
      else if (r < 0.22) event.isBase64Encoded = 'yes';
      let result: { statusCode: number; headers?: Record<string, unknown>; body: string };
      try {
        result = (await lambda.invoke(event)) as typeof result;
      } catch (error) {
        t.outsideEnvelope.push(`threw ${(error as Error).message}`);
        continue;
      }
      const header = (n: string) => {
        const v =
          result.headers?.[n] ??
          (result as { multiValueHeaders?: Record<string, unknown[]> }).multiValueHeaders?.[n]?.[0];
        return v === undefined ? undefined : String(v);
      };
      const body = (result as { isBase64Encoded?: boolean }).isBase64Encoded
        ? Buffer.from(result.body, 'base64').toString()
        : result.body;
      judge(t, spec, result.statusCode, header, body ?? '');
    }
    report('Lambda handler', t, Date.now() - started, awsCount(lambda.emulator.stats()));
    expect(t.outsideEnvelope).toEqual([]);
    expect(t.fiveXX).toEqual([]);
    expect(t.invalidReachedAws).toEqual([]);
  });
});
