import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1Event, v2Event } from '../support/apigw-events.js';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, changeSetInput, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { type LambdaApp, startLambdaApp } from './lambda-app.js';

const MAX_BODY = 1024 * 1024;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };

interface Case {
  name: string;
  send(url: string): Promise<Response>;
  status: number;
  code: string;
}

const post =
  (body: BodyInit, headers: Record<string, string> = JSON_HEADERS) =>
  (url: string) =>
    fetch(`${url}/graphql`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
const query = (q: string, variables?: unknown) => post(JSON.stringify({ query: q, variables }));
const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `c${i}: changeSet(changeSetId: "cs-${i}") { status }`).join(' ')} }`;
// `__type` is not exempt from the depth limit: the classic introspection nesting bomb.
const typeBomb = `{ __type(name: "Query") { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } }`;
const deepDetails = (levels: number) =>
  `{"query":${JSON.stringify(START_CHANGE_SET)},"variables":{"input":{"changeSet":[{"changeType":"UpdateInformation",` +
  `"entity":{"type":"SaaSProduct@1.0","identifier":"prod-example00001"},"detailsDocument":` +
  `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}]}}}`;
function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      controller.enqueue(chunk);
      sent += chunk.length;
    },
  });
}

const CASES: Case[] = [
  {
    name: 'depth bomb (nested __type)',
    send: query(typeBomb),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'alias bomb (50 AWS reads)',
    send: query(aliases(50)),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'token bomb',
    send: query(`{ ${'__typename '.repeat(2000)}}`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'directive bomb',
    send: query(`{ __typename ${'@skip(if: false) '.repeat(40)}}`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'deeply nested literal in the document',
    send: query(
      `mutation { startChangeSet(input: { changeSet: ${'['.repeat(3000)}${']'.repeat(3000)} }) { changeSetId } }`,
    ),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'huge string in a variable (900 kB)',
    send: query(CREATE_SNAPSHOT, { input: snapshotInput({ engagementIdentifier: 'e'.repeat(900_000) }) }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'huge list in a variable (20 000 changes)',
    send: query(START_CHANGE_SET, {
      input: changeSetInput({
        changeSet: Array.from({ length: 20_000 }, () => ({ changeType: 'X', entity: { type: 'T' } })),
      }),
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'detailsDocument nested 100 000 levels',
    send: post(deepDetails(100_000)),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'variables nested 200 000 arrays deep',
    send: post(
      `{"query":${JSON.stringify(START_CHANGE_SET)},"variables":{"input":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`,
    ),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'invalid UTF-8 in the document',
    send: post(
      Buffer.concat([
        Buffer.from('{"query":"{ __typename '),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from(' }"}'),
      ]),
    ),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'invalid JSON', send: post('{"query": "{ __typename }"'), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON that is not an object', send: post('[1, 2, 3]'), status: 400, code: 'BAD_REQUEST' },
  { name: 'query that is not a string', send: post('{"query": {"a": 1}}'), status: 400, code: 'BAD_REQUEST' },
  { name: 'empty body', send: post(''), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'text/plain body (CSRF-simple)',
    send: post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'form-encoded body',
    send: post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'multipart body',
    send: (url) => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: '{ __typename }' }));
      return fetch(`${url}/graphql`, { method: 'POST', body: form });
    },
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'XML body',
    send: post('<query>{ __typename }</query>', { 'content-type': 'application/xml' }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'no content type',
    send: (url) => fetch(`${url}/graphql`, { method: 'POST', body: new Uint8Array([123, 125]) }),
    status: 415,
    code: 'BAD_REQUEST',
  },
  {
    name: 'mutation via GET',
    send: (url) =>
      fetch(
        `${url}/graphql?query=${encodeURIComponent(`mutation { startChangeSet(input: { changeSet: [] }) { changeSetId } }`)}`,
        {
          headers: { accept: 'application/json' },
        },
      ),
    status: 405,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a valid mutation with an Accept no answer can satisfy (refused before it runs)',
    send: post(JSON.stringify({ query: CREATE_SNAPSHOT, variables: { input: snapshotInput() } }), {
      'content-type': 'application/json',
      accept: 'text/plain',
    }),
    status: 406,
    code: 'BAD_REQUEST',
  },
  {
    name: 'oversized body (Content-Length)',
    send: post('x'.repeat(MAX_BODY + 1)),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'oversized chunked body (no Content-Length)',
    send: post(chunked(3 * MAX_BODY) as unknown as BodyInit),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
];

describe('attack inputs: a documented 4xx and code each, and the server keeps serving', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 50 } });
  });
  afterAll(() => stack.close());

  async function stillServing() {
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    stack.emulator.reset();
    const good = await gql(stack.url, START_CHANGE_SET, { input: changeSetInput() });
    expect(good.status).toBe(200);
    expect(good.body.data?.startChangeSet.changeSetId).toBeTruthy();
  }

  for (const c of CASES) {
    it(c.name, async () => {
      const before = stack.emulator.stats().requests;
      const res = await c.send(stack.url);
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(c.status);
      expect(res.headers.get('content-type')).toMatch(/json/);
      const body = JSON.parse(text);
      expect(body.errors?.[0]?.extensions?.code).toBe(c.code);
      expect(body.errors?.[0]?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
      expect(text).not.toMatch(/\n\s+at |node_modules|\/src\/|originalError|stack/);
      expect(stack.emulator.stats().requests).toEqual(before);
      await stillServing();
    });
  }

  it('a body just under MAX_BODY_BYTES is accepted', async () => {
    const body = JSON.stringify({
      query: CREATE_SNAPSHOT,
      variables: { input: snapshotInput(), padding: 'p'.repeat(MAX_BODY - 1000) },
    });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_BODY);
    const res = await post(body)(stack.url);
    expect(res.status).toBe(200);
    expect((await res.json()).data.createResourceSnapshot.arn).toBeTruthy();
  });

  it('the limits fit the schema: the deepest legit query and 5 aliases pass', async () => {
    const deepest = /* GraphQL */ `{ changeSet(changeSetId: "nope") {
      changeSetId changes { changeType entity { type identifier } errors { code message } } } }`;
    const res = await gql(stack.url, deepest);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const five = await gql(stack.url, aliases(5));
    expect(five.status).toBe(200);
    expect(five.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await gql(stack.url, aliases(6))).status).toBe(400);
  });
});

describe('body limit on Lambda (the body is in the event; Content-Length is not trusted)', () => {
  let app: LambdaApp;
  beforeAll(async () => {
    app = await startLambdaApp({ AUTH_MODE: 'none', AUTH_ALLOW_NONE_ON_LAMBDA: 'true' });
  });
  afterAll(() => app.close());

  const big = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY) } });
  // Events from the real samples; then Content-Length made to lie, or dropped.
  const lying = (event: ReturnType<typeof v2Event>, length?: string) => {
    if (length === undefined) delete event.headers['content-length'];
    else event.headers['content-length'] = length;
    return event;
  };
  const lyingV1 = (event: ReturnType<typeof v1Event>, length: string) => {
    event.headers['Content-Length'] = length;
    event.multiValueHeaders['Content-Length'] = [length];
    return event;
  };
  const postEvent = { method: 'POST', path: '/graphql', body: big };

  it.each([
    ['v2, honest Content-Length', v2Event(postEvent)],
    ['v2, Content-Length says 20', lying(v2Event(postEvent), '20')],
    ['v2, no Content-Length', lying(v2Event(postEvent))],
    ['v2, base64', v2Event({ ...postEvent, base64: true })],
    ['v1, honest Content-Length', v1Event(postEvent)],
    ['v1, Content-Length says 20', lyingV1(v1Event(postEvent), '20')],
    ['v1, base64', v1Event({ ...postEvent, base64: true })],
  ])('%s: 413 PAYLOAD_TOO_LARGE', async (_name, event) => {
    const result = await app.invoke(event);
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(result.headers?.connection).toBeUndefined();
    const ok = await app.invoke(
      v2Event({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: '{ __typename }' }) }),
    );
    expect(ok.statusCode).toBe(200);
  });
});
