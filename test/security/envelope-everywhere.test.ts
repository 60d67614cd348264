import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1Event, v2Event } from '../support/apigw-events.js';
import { type Stack, startStack } from '../support/stack.js';
import { type LambdaApp, startLambdaApp } from './lambda-app.js';

const TYPENAME = JSON.stringify({ query: '{ __typename }' });
const TWO_OPERATIONS = JSON.stringify({ query: 'query A { __typename } query B { __typename }' });

/** Every error answer: the envelope, with code, retryable and the request id of x-request-id. */
function expectEnvelope(status: number, body: string, requestId: string | null | undefined, path: string) {
  expect(status).toBeGreaterThanOrEqual(400);
  expect(status).toBeLessThan(500);
  const json = JSON.parse(body);
  const error = path.startsWith('/graphql') ? json.errors?.[0]?.extensions : json.error;
  expect(error, body).toMatchObject({ code: expect.any(String), retryable: false, requestId });
  return { json, code: error.code as string };
}

describe('local server: /graphql reads JSON bodies as REST and the CSRF guard do', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  const post = (contentType: string, body: string) =>
    fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });

  it.each([
    'application/vnd.api+json',
    'application/graphql-response+json',
    'APPLICATION/JSON',
    'Application/Json; charset=utf-8',
  ])('%s is read as JSON, for a success and for an error alike', async (contentType) => {
    const ok = await post(contentType, TYPENAME);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
    const bad = await post(contentType, '{');
    const { code } = expectEnvelope(
      bad.status,
      await bad.text(),
      bad.headers.get('x-request-id'),
      '/graphql',
    );
    expect(code).toBe('BAD_REQUEST');
    const syntax = await post(contentType, JSON.stringify({ query: '{' }));
    expect(JSON.parse(await syntax.text()).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('two operations without operationName: GRAPHQL_VALIDATION_FAILED (documented), 400, retryable false', async () => {
    const res = await post('application/json', TWO_OPERATIONS);
    expect(res.status).toBe(400);
    const { code } = expectEnvelope(
      res.status,
      await res.text(),
      res.headers.get('x-request-id'),
      '/graphql',
    );
    expect(code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a GET whose variables are not JSON is 400 BAD_REQUEST, not a masked internal error', async () => {
    for (const variables of ['{', '[1]', '5']) {
      const res = await fetch(
        `${stack.url}/graphql?query=%7B__typename%7D&variables=${encodeURIComponent(variables)}`,
      );
      expect(res.status).toBe(400);
      const { code } = expectEnvelope(
        res.status,
        await res.text(),
        res.headers.get('x-request-id'),
        '/graphql',
      );
      expect(code).toBe('BAD_REQUEST');
    }
  });
});

describe('Lambda: malformed API Gateway events get the envelope, never plain text or a throw', () => {
  let app: LambdaApp;
  beforeAll(async () => {
    app = await startLambdaApp();
  });
  afterAll(() => app.close());

  const post = (path = '/graphql') =>
    v2Event({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: TYPENAME });
  const cases: Array<[string, () => unknown, string]> = [
    [
      'a GET with a body (v2)',
      () => ({ ...v2Event({ method: 'GET', path: '/graphql', query: 'query=%7B__typename%7D' }), body: 'x' }),
      '/graphql',
    ],
    [
      'a GET with a body (v1)',
      () => ({ ...v1Event({ method: 'GET', path: '/rest/openapi.json' }), body: 'x' }),
      '/rest/openapi.json',
    ],
    ['invalid base64 (GraphQL)', () => ({ ...post(), body: '%%%', isBase64Encoded: true }), '/graphql'],
    [
      'invalid base64 (REST)',
      () => ({ ...post('/rest/change-sets'), body: '!!', isBase64Encoded: true }),
      '/rest/change-sets',
    ],
    [
      'a non-string accept header',
      () => ({ ...post(), headers: { ...post().headers, accept: 5 } }),
      '/graphql',
    ],
    [
      'a header value that is a list',
      () => ({ ...post(), headers: { ...post().headers, 'x-request-id': ['a'] } }),
      '/graphql',
    ],
    ['a body that is an object', () => ({ ...post(), body: { query: '{ __typename }' } }), '/graphql'],
    ['no requestContext', () => ({ ...post(), requestContext: undefined }), '/graphql'],
    [
      'no method',
      () => {
        const e = post();
        delete e.requestContext.http.method;
        return e;
      },
      '/graphql',
    ],
    ['no path', () => ({ ...post(), rawPath: undefined }), '/'],
    [
      'a domain name holding a path',
      () => {
        const e = post();
        e.requestContext.domainName = 'x/rest/change-sets?';
        return e;
      },
      '/graphql',
    ],
    [
      'a Host holding a path, without domainName',
      () => {
        const e = v1Event({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', Host: 'x/rest/change-sets?' },
          body: TYPENAME,
        });
        delete e.requestContext.domainName;
        return e;
      },
      '/graphql',
    ],
    ['an empty object', () => ({}), '/'],
    ['null', () => null, '/'],
    [
      'v1 multi-value headers that are not lists',
      () => ({ ...v1Event({ method: 'GET', path: '/health' }), multiValueHeaders: { accept: 'x' } }),
      '/health',
    ],
    [
      'v1 query values that are not strings',
      () => ({
        ...v1Event({ method: 'GET', path: '/rest/resource-snapshots' }),
        queryStringParameters: { a: 1 },
        multiValueQueryStringParameters: { a: [1] },
      }),
      '/rest/resource-snapshots',
    ],
  ];

  it.each(cases)('%s: 400 BAD_REQUEST in the envelope with a request id', async (_what, event, path) => {
    const before = Object.values(app.emulator.stats().requests).reduce((a, b) => a + b, 0);
    const result = await app.invoke(event());
    expect(result.statusCode).toBe(400);
    const { code } = expectEnvelope(
      result.statusCode,
      result.body,
      result.headers?.['x-request-id'] as string,
      path,
    );
    expect(code).toBe('BAD_REQUEST');
    expect(Object.values(app.emulator.stats().requests).reduce((a, b) => a + b, 0)).toBe(before);
  });

  it('application/*+json and upper-case JSON types through the Lambda handler too', async () => {
    for (const contentType of ['application/vnd.api+json', 'APPLICATION/JSON']) {
      const event = v2Event({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': contentType },
        body: '{',
      });
      const result = await app.invoke(event);
      expect(result.statusCode).toBe(400);
      expect(
        expectEnvelope(result.statusCode, result.body, result.headers?.['x-request-id'] as string, '/graphql')
          .code,
      ).toBe('BAD_REQUEST');
    }
  });
});

describe('local server: every method on /graphql answers in the GraphQL envelope', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it.each(['PUT', 'DELETE', 'PATCH'])(
    '%s /graphql: 405 with Allow, in the GraphQL envelope',
    async (method) => {
      const res = await fetch(`${stack.url}/graphql`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: TYPENAME,
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, POST');
      const { code } = expectEnvelope(
        res.status,
        await res.text(),
        res.headers.get('x-request-id'),
        '/graphql',
      );
      expect(code).toBe('BAD_REQUEST');
    },
  );
});
