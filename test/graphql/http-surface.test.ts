import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

describe('the HTTP surface of the app', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('GET /health answers 200 {"status":"ok"} without calling AWS', async () => {
    const res = await fetch(`${stack.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(Object.keys(stack.emulator.stats().requests)).toHaveLength(0);
  });

  it('an unknown route is a JSON 404 with a request id', async () => {
    const res = await fetch(`${stack.url}/nope`);
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', retryable: false });
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('refuses a mutation via GET with 405', async () => {
    const query = encodeURIComponent('mutation { startChangeSet(input: {changeSet: []}) { changeSetId } }');
    const res = await fetch(`${stack.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('POST');
  });

  it('answers a query via GET', async () => {
    const query = encodeURIComponent('{ __typename }');
    const res = await fetch(`${stack.url}/graphql?query=${query}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves GraphiQL to a browser with its assets inline (no CDN), and the seeded examples', async () => {
    const res = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdn\./);
    expect(html).toContain('createResourceSnapshot');
    expect(html).toContain('eng-a1b2c3d4e5f6g7');
  });

  it('a malformed JSON body is a 400 with a code and no parser internals', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: '{"query": ',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/JSON\.parse|Unexpected end|position \d+|originalError/);
  });

  it('a syntax error is a 400 GRAPHQL_PARSE_FAILED; an unknown field a 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await gql(stack.url, '{ resourceSnapshot(');
    expect(parse.status).toBe(400);
    expect(parse.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await gql(stack.url, '{ nope }');
    expect(validation.status).toBe(400);
    expect(validation.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(validation.body.errors?.[0]?.extensions?.requestId).toBe(validation.headers.get('x-request-id'));
  });

  it('keeps a well-formed client request id and replaces a hostile one', async () => {
    const kept = await fetch(`${stack.url}/health`, { headers: { 'x-request-id': 'client-req-12345' } });
    expect(kept.headers.get('x-request-id')).toBe('client-req-12345');
    const replaced = await fetch(`${stack.url}/health`, {
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
