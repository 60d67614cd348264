import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeSetInput, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const ALLOWED = 'https://app.example.com';
const EVIL = 'https://evil.example';
const typename = encodeURIComponent('{ __typename }');

describe('CORS: only the origins in CORS_ORIGINS', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { CORS_ORIGINS: `${ALLOWED}, https://other.example/` } });
  });
  afterAll(() => stack.close());

  const preflight = (origin: string) =>
    fetch(`${stack.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers a preflight from an allowed origin with that origin, never * nor credentials', async () => {
    const res = await preflight(ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(res.headers.get('vary')).toMatch(/Origin/i);
  });

  it('an entry written with a trailing slash still names its origin', async () => {
    expect((await preflight('https://other.example')).headers.get('access-control-allow-origin')).toBe(
      'https://other.example',
    );
  });

  it('does not reflect any other origin', async () => {
    for (const origin of [EVIL, 'null', `${ALLOWED}.evil.example`, 'http://app.example.com']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      const actual = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(actual.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('exposes the request id and the auth challenge to allowed browsers', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { origin: ALLOWED, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('allows a REST POST to send its Idempotency-Key from an allowed origin', async () => {
    for (const path of ['/rest/resource-snapshots', '/rest/change-sets', '/rest/change-sets/cs-1/cancel']) {
      const res = await fetch(`${stack.url}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: ALLOWED,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['content-type', 'idempotency-key']));
    }
  });

  it('lets a page read the Location of a REST 201 and 202', async () => {
    for (const [path, body, status] of [
      ['/rest/resource-snapshots', snapshotInput(), 201],
      ['/rest/change-sets', changeSetInput(), 202],
    ] as const) {
      const res = await fetch(`${stack.url}${path}`, {
        method: 'POST',
        headers: { origin: ALLOWED, 'content-type': 'application/json', 'idempotency-key': `cors-${status}` },
        body: JSON.stringify(body),
      });
      expect(res.status, path).toBe(status);
      expect(res.headers.get('location')).toBeTruthy();
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      expect(exposed).toContain('location');
    }
  });

  it('with no CORS_ORIGINS, no origin is ever allowed', async () => {
    const bare = await startStack();
    try {
      const res = await fetch(`${bare.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: ALLOWED, 'access-control-request-method': 'POST' },
      });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await bare.close();
    }
  });
});

describe('CSRF prevention for browser requests', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { CORS_ORIGINS: ALLOWED } });
  });
  afterAll(() => stack.close());

  const get = (headers: Record<string, string>) =>
    fetch(`${stack.url}/graphql?query=${typename}`, { headers: { accept: 'application/json', ...headers } });

  it('refuses a cross-site GET query (an <img> or link on a hostile page): 403, nothing runs', async () => {
    for (const headers of [
      { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' },
      { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', origin: 'https://sub.example.com' },
      { origin: EVIL }, // older browsers: no Fetch Metadata
    ] as Array<Record<string, string>>) {
      const res = await get(headers);
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(body.errors[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        requestId: res.headers.get('x-request-id'),
      });
      expect(body.data).toBeUndefined();
    }
  });

  it('allows it with a header that needed a preflight, from an allowed origin, same-origin, or outside a browser', async () => {
    expect((await get({ 'sec-fetch-site': 'cross-site', 'x-graphql-csrf': '1' })).status).toBe(200);
    expect((await get({ 'sec-fetch-site': 'cross-site', origin: ALLOWED })).status).toBe(200);
    expect((await get({ 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await get({ 'sec-fetch-site': 'none' })).status).toBe(200);
    expect((await get({ origin: stack.url })).status).toBe(200);
    expect((await get({})).status).toBe(200);
  });

  it('refuses every body a form could post (415), whatever the origin', async () => {
    for (const type of [
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'text/plain',
    ]) {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': type, origin: EVIL, 'sec-fetch-site': 'cross-site' },
        body: 'query=mutation%20%7B%20startChangeSet%20%7D',
      });
      expect(res.status).toBe(415);
      expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    }
    expect(Object.keys(stack.emulator.stats().requests)).toHaveLength(0);
  });

  it('still serves the GraphiQL page to a link from another site (it executes nothing)', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      headers: { accept: 'text/html', 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
  });
});
