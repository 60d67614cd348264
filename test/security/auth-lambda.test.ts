import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { v1Event, v2Event } from '../support/apigw-events.js';
import { gql } from '../support/graphql-client.js';
import { type LambdaBridge, type ProxyHandler, startLambdaBridge } from '../support/lambda-http-bridge.js';
import { CREATE_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { captureOutput } from './capture-output.js';
import { ALL_SCOPES, startTestIssuer } from './jwt-issuer.js';
import { type LambdaApp, resultHeader, startLambdaApp } from './lambda-app.js';

const BODY = JSON.stringify({ query: CREATE_SNAPSHOT, variables: { input: snapshotInput() } });
const WRITE = 'partnercentral/snapshots.write';

/** A Cognito access token's claims as API Gateway passes them (all strings, `scope` space-separated). */
function claims(scope?: string): Record<string, string> {
  return {
    sub: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
    iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEfGhI',
    client_id: '4k3j2h1g0f9e8d7c6b5a4s3d2f',
    token_use: 'access',
    exp: '1710345600',
    iat: '1710342000',
    ...(scope !== undefined ? { scope } : {}),
  };
}

// Events from the real samples in test/fixtures/apigw (their own authorizer claims carry every scope).
const post = (version: 'v1' | 'v2', claimsOrNone?: Record<string, string> | null, headers = {}) =>
  (version === 'v1' ? v1Event : v2Event)({
    method: 'POST',
    path: '/graphql',
    body: BODY,
    headers,
    ...(claimsOrNone !== undefined ? { claims: claimsOrNone } : {}),
  });

/** The identity API Gateway adds for a route with IAM authorization. */
function withIam(event: ReturnType<typeof v2Event>, version: 'v1' | 'v2') {
  const userArn = 'arn:aws:sts::123456789012:assumed-role/partner-app/session';
  if (version === 'v2') {
    event.requestContext.authorizer = {
      iam: { accessKey: 'ASIAEXAMPLE', accountId: '123456789012', callerId: 'AROAEXAMPLE:session', userArn },
    };
  } else {
    Object.assign(event.requestContext.identity, {
      accessKey: 'ASIAEXAMPLE',
      accountId: '123456789012',
      userArn,
    });
  }
  return event;
}

async function call(app: LambdaApp, event: unknown) {
  const before = app.emulator.stats().requests.CreateResourceSnapshot ?? 0;
  const result = await app.invoke(event);
  const body = JSON.parse(result.body);
  const reachedAws = (app.emulator.stats().requests.CreateResourceSnapshot ?? 0) > before;
  return { result, body, reachedAws };
}
type Called = Awaited<ReturnType<typeof call>>;

function expectRefused({ result, body, reachedAws }: Called, status: 401 | 403, code: string) {
  expect(result.statusCode).toBe(status);
  expect(body.errors?.[0]?.extensions?.code).toBe(code);
  expect(body.errors?.[0]?.extensions?.requestId).toBe(resultHeader(result, 'x-request-id'));
  if (status === 401) expect(resultHeader(result, 'www-authenticate')).toMatch(/^Bearer/);
  expect(reachedAws).toBe(false);
}

function expectCreated({ result, body, reachedAws }: Called) {
  expect(result.statusCode, result.body).toBe(200);
  expect(body.data?.createResourceSnapshot?.arn).toMatch(/^arn:aws:partnercentral:/);
  expect(reachedAws).toBe(true);
}

describe('Lambda, AUTH_MODE=jwt (the default): claims from the API Gateway authorizer', () => {
  let app: LambdaApp;
  beforeAll(async () => {
    expect(readConfig('lambda', {}).auth.mode).toBe('jwt');
    app = await startLambdaApp();
  });
  afterAll(() => app.close());

  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: claims with the scope → runs`, async () => {
      expectCreated(await call(app, post(version)));
      expectCreated(await call(app, post(version, claims(WRITE))));
    });
    it(`${version}: claims without the scope → 403 FORBIDDEN, nothing sent to AWS`, async () => {
      expectRefused(
        await call(app, post(version, claims('openid marketplace/changesets.write'))),
        403,
        'FORBIDDEN',
      );
      expectRefused(await call(app, post(version, claims())), 403, 'FORBIDDEN');
    });
    it(`${version}: no authorizer claims (a route without authorizer) → 401, the bearer header is not trusted`, async () => {
      expectRefused(await call(app, post(version, null)), 401, 'UNAUTHENTICATED');
    });
    it(`${version}: an IAM identity does not count in jwt mode`, async () => {
      expectRefused(await call(app, withIam(post(version, null), version)), 401, 'UNAUTHENTICATED');
    });
  }

  it('v2: a scope the authorizer lists in `jwt.scopes` counts', async () => {
    const event = post('v2', claims());
    event.requestContext.authorizer.jwt.scopes = [WRITE];
    expectCreated(await call(app, event));
  });

  it('/health stays open without any authorizer', async () => {
    const result = await app.invoke(v2Event({ method: 'GET', path: '/health', claims: null }));
    expect(result.statusCode).toBe(200);
  });

  it('GraphiQL and introspection are off by default on Lambda', async () => {
    const event = v2Event({
      method: 'POST',
      path: '/graphql',
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const { result, body } = await call(app, event);
    expect(result.statusCode).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const page = await app.invoke(
      v2Event({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } }),
    );
    expect(resultHeader(page, 'content-type') ?? '').not.toContain('text/html');
  });
});

describe('Lambda over HTTP (the API Gateway bridge), v1 and v2', () => {
  let app: LambdaApp;
  const bridges: LambdaBridge[] = [];
  beforeAll(async () => {
    app = await startLambdaApp();
  });
  afterAll(async () => {
    for (const bridge of bridges) await bridge.close();
    await app.close();
  });

  async function through(version: 'v1' | 'v2', authorizerClaims: Record<string, string> | null | undefined) {
    const bridge = await startLambdaBridge({
      handler: app.handler as unknown as ProxyHandler,
      version,
      ...(authorizerClaims !== undefined ? { claims: authorizerClaims } : {}),
    });
    bridges.push(bridge);
    return gql(bridge.url, CREATE_SNAPSHOT, { input: snapshotInput() });
  }

  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: claims present → 200, scope missing → 403, claims absent → 401 + WWW-Authenticate`, async () => {
      const ok = await through(version, undefined);
      expect(ok.status).toBe(200);
      expect(ok.body.data?.createResourceSnapshot.arn).toBeTruthy();

      const forbidden = await through(version, claims('marketplace/changesets.read'));
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const anonymous = await through(version, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        requestId: anonymous.headers.get('x-request-id'),
      });
    });
  }
});

describe('Lambda, AUTH_MODE=jwt with JWT_* set: a route without authorizer verifies the bearer token', () => {
  it('accepts a valid token, refuses a forged one', async () => {
    const issuer = await startTestIssuer();
    const app = await startLambdaApp(issuer.env);
    try {
      expectCreated(await call(app, post('v2', null, { authorization: `Bearer ${await issuer.token()}` })));
      const forged = `Bearer ${await issuer.token({ forged: true })}`;
      expectRefused(await call(app, post('v2', null, { authorization: forged })), 401, 'UNAUTHENTICATED');
    } finally {
      await app.close();
      await issuer.close();
    }
  });
});

describe('Lambda, AUTH_MODE=iam', () => {
  let app: LambdaApp;
  beforeAll(async () => {
    app = await startLambdaApp({ AUTH_MODE: 'iam' });
  });
  afterAll(() => app.close());

  for (const version of ['v1', 'v2'] as const) {
    it(`${version}: IAM identity present → runs (the IAM policy authorizes the route; no scopes)`, async () => {
      expectCreated(await call(app, withIam(post(version, null), version)));
    });
    it(`${version}: no IAM identity → 401`, async () => {
      expectRefused(await call(app, post(version, null)), 401, 'UNAUTHENTICATED');
    });
    it(`${version}: JWT claims do not count in iam mode`, async () => {
      expectRefused(await call(app, post(version, claims(ALL_SCOPES))), 401, 'UNAUTHENTICATED');
    });
  }
});

describe('AUTH_MODE=none on Lambda', () => {
  it('is refused unless AUTH_ALLOW_NONE_ON_LAMBDA=true', () => {
    expect(() => readConfig('lambda', { AUTH_MODE: 'none' })).toThrow(/AUTH_ALLOW_NONE_ON_LAMBDA/);
  });

  it('when allowed, everyone may call, and the start says so loudly', async () => {
    const { value: app, output } = await captureOutput(() =>
      startLambdaApp({ AUTH_MODE: 'none', AUTH_ALLOW_NONE_ON_LAMBDA: 'true', LOG_LEVEL: 'WARN' }),
    );
    try {
      expect(output).toMatch(/AUTH_MODE=none/);
      expectCreated(await call(app, post('v2', null)));
    } finally {
      await app.close();
    }
  });
});
