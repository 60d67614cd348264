import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.js';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, changeSetInput, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { ALL_SCOPES, startTestIssuer, type TestIssuer } from './jwt-issuer.js';

/** AUTH_MODE=jwt outside API Gateway: the app verifies bearer tokens itself against a JWKS. */
describe('auth matrix, local server (jwt verified by the app)', () => {
  let issuer: TestIssuer;
  let stack: Stack;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    stack = await startStack({ env: issuer.env });
  });
  afterAll(async () => {
    await stack.close();
    await issuer.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const emulatorCalls = () => Object.values(stack.emulator.stats().requests).reduce((a, b) => a + b, 0);

  async function createWith(headers: Record<string, string>, accept?: string) {
    const before = emulatorCalls();
    const res = await gql(
      stack.url,
      CREATE_SNAPSHOT,
      { input: snapshotInput() },
      {
        ...headers,
        ...(accept ? { accept } : {}),
      },
    );
    return { res, awsCalls: emulatorCalls() - before };
  }

  const unauthenticated: Array<[string, () => Promise<Record<string, string>>, string]> = [
    ['no token', async () => ({}), 'Bearer'],
    ['another scheme', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 'Bearer'],
    ['garbage token', async () => bearer('not.a.jwt'), 'Bearer error="invalid_token"'],
    [
      'bad signature',
      async () => bearer(await issuer.token({ forged: true })),
      'Bearer error="invalid_token"',
    ],
    [
      'wrong issuer',
      async () => bearer(await issuer.token({ issuer: 'https://evil.example' })),
      'Bearer error="invalid_token"',
    ],
    [
      'wrong audience',
      async () => bearer(await issuer.token({ audience: 'someone-else' })),
      'Bearer error="invalid_token"',
    ],
    ['expired', async () => bearer(await issuer.token({ expiresIn: -120 })), 'Bearer error="invalid_token"'],
    [
      'no exp claim',
      async () => bearer(await issuer.token({ expiresIn: null })),
      'Bearer error="invalid_token"',
    ],
    [
      'alg none',
      async () => {
        const [, payload] = (await issuer.token()).split('.');
        const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
        return bearer(`${header}.${payload}.`);
      },
      'Bearer error="invalid_token"',
    ],
  ];

  for (const [name, headers, challenge] of unauthenticated) {
    it(`${name}: 401 UNAUTHENTICATED with WWW-Authenticate and the request id; nothing sent to AWS`, async () => {
      for (const accept of ['application/graphql-response+json', 'application/json']) {
        const { res, awsCalls } = await createWith(await headers(), accept);
        expect(res.status).toBe(401);
        expect(res.headers.get('www-authenticate')).toBe(challenge);
        expect(res.headers.get('content-type')).toContain(accept);
        expect(res.body.data).toBeUndefined();
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors?.[0]?.extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          retryable: false,
          requestId: res.headers.get('x-request-id'),
        });
        expect(awsCalls).toBe(0);
      }
    });
  }

  it('says so when the token has expired', async () => {
    const { res } = await createWith(bearer(await issuer.token({ expiresIn: -120 })));
    expect(res.body.errors?.[0]?.message).toMatch(/expired/);
  });

  it('missing scope: 403 FORBIDDEN, nothing sent to AWS', async () => {
    const token = await issuer.token({ scope: 'marketplace/changesets.write partnercentral/snapshots.read' });
    const json = await createWith(bearer(token), 'application/json');
    expect(json.res.status).toBe(403);
    expect(json.awsCalls).toBe(0);
    const { res, awsCalls } = await createWith(bearer(token));
    expect(res.status).toBe(403);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', retryable: false });
    expect(res.body.errors?.[0]?.message).toContain('partnercentral/snapshots.write');
    expect(res.body.errors?.[0]?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    expect(awsCalls).toBe(0);
  });

  it('right scope: the mutation runs', async () => {
    const { res, awsCalls } = await createWith(
      bearer(await issuer.token({ scope: 'partnercentral/snapshots.write' })),
    );
    expect(res.status).toBe(200);
    expect(res.body.data?.createResourceSnapshot.arn).toMatch(/^arn:aws:partnercentral:/);
    expect(awsCalls).toBe(1);
  });

  it('one missing scope refuses a two-field mutation whole: neither operation reaches AWS', async () => {
    const both = /* GraphQL */ `
      mutation Both($s: CreateResourceSnapshotInput!, $c: StartChangeSetInput!) {
        createResourceSnapshot(input: $s) { arn }
        startChangeSet(input: $c) { changeSetId }
      }`;
    const before = emulatorCalls();
    const res = await gql(
      stack.url,
      both,
      { s: snapshotInput(), c: changeSetInput() },
      bearer(await issuer.token({ scope: 'partnercentral/snapshots.write' })),
    );
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(emulatorCalls()).toBe(before);
  });

  it('scopes are per operation (startChangeSet needs marketplace/changesets.write)', async () => {
    const read = await gql(
      stack.url,
      START_CHANGE_SET,
      { input: changeSetInput() },
      bearer(await issuer.token({ scope: 'marketplace/changesets.read' })),
    );
    expect(read.status).toBe(403);
    const write = await gql(
      stack.url,
      START_CHANGE_SET,
      { input: changeSetInput() },
      bearer(await issuer.token({ scope: 'marketplace/changesets.write' })),
    );
    expect(write.status).toBe(200);
    expect(write.body.data?.startChangeSet.changeSetId).toBeTruthy();
  });

  it('accepts a Cognito access token: no aud, the audience as client_id', async () => {
    const token = await issuer.token({
      audience: null,
      claims: { client_id: issuer.audience, token_use: 'access' },
    });
    const { res } = await createWith(bearer(token));
    expect(res.status).toBe(200);
  });

  it('/health stays open; GraphiQL page loads, but its operations need a token', async () => {
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect((await gql(stack.url, '{ __typename }')).status).toBe(401);
    expect((await gql(stack.url, '{ __typename }', undefined, bearer(await issuer.token()))).status).toBe(
      200,
    );
  });

  it('a GET query is authenticated too', async () => {
    const url = `${stack.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    expect((await fetch(url, { headers: { accept: 'application/json' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { accept: 'application/json', ...bearer(await issuer.token()) } });
    expect(ok.status).toBe(200);
  });

  it('unknown routes are refused before routing when unauthenticated', async () => {
    const res = await fetch(`${stack.url}/admin`);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: res.headers.get('x-request-id'),
    });
  });
});

describe('jwt mode when the issuer cannot be reached', () => {
  it('answers 503 UPSTREAM_UNAVAILABLE (retryable), not "your token is bad"', async () => {
    const issuer = await startTestIssuer();
    const token = await issuer.token();
    const env = { ...issuer.env };
    await issuer.close(); // the JWKS URL now refuses connections
    const stack = await startStack({ env });
    try {
      const res = await gql(
        stack.url,
        CREATE_SNAPSHOT,
        { input: snapshotInput() },
        { authorization: `Bearer ${token}` },
      );
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        retryable: true,
      });
      expect(Object.keys(stack.emulator.stats().requests)).toHaveLength(0);
    } finally {
      await stack.close();
    }
  });
});

describe('auth configuration', () => {
  it('jwt outside Lambda without JWT_ISSUER, JWT_AUDIENCE and JWKS_URL stops the start, naming them', () => {
    expect(() => readConfig('local', { AUTH_MODE: 'jwt' })).toThrow(ConfigError);
    expect(() => readConfig('local', { AUTH_MODE: 'jwt' })).toThrow(/JWT_ISSUER, JWT_AUDIENCE, JWKS_URL/);
    expect(() => readConfig('local', { AUTH_MODE: 'jwt', JWT_ISSUER: 'https://i.example' })).toThrow(
      /JWT_AUDIENCE, JWKS_URL/,
    );
  });

  it('jwt on Lambda needs no JWT_* (API Gateway verified the token)', () => {
    expect(readConfig('lambda', {}).auth.mode).toBe('jwt');
  });

  it('refuses a JWKS over plain http except on loopback', () => {
    const base = { AUTH_MODE: 'jwt', JWT_ISSUER: 'https://i.example', JWT_AUDIENCE: 'a' };
    expect(() => readConfig('local', { ...base, JWKS_URL: 'http://keys.example/jwks.json' })).toThrow(
      /JWKS_URL/,
    );
    expect(
      readConfig('local', { ...base, JWKS_URL: 'http://127.0.0.1:9/jwks.json' }).auth.jwt.jwksUrl,
    ).toBeTruthy();
  });

  it('scopes are configurable', () => {
    const config = readConfig('lambda', { SCOPE_START_CHANGE_SET: 'custom/write' });
    expect(config.auth.scopes.startChangeSet).toBe('custom/write');
    expect(ALL_SCOPES.split(' ')).toContain(config.auth.scopes.changeSet);
  });
});
