import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { ALL_SCOPES, startTestIssuer, type TestIssuer } from './jwt-issuer.js';

/** The app's own JWT check (outside API Gateway) judges `iat`, `nbf` and `scope` as the authorizer does. */
describe('JWT claims: as API Gateway JWT authorizer checks them', () => {
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

  const awsCalls = () => Object.values(stack.emulator.stats().requests).reduce((a, b) => a + b, 0);
  const create = async (token: string) => {
    const before = awsCalls();
    const res = await gql(
      stack.url,
      CREATE_SNAPSHOT,
      { input: snapshotInput() },
      { authorization: `Bearer ${token}` },
    );
    return { res, sent: awsCalls() - before };
  };

  it.each([
    ['iat 10 minutes ahead', { issuedIn: 600 }],
    ['iat a year ahead', { issuedIn: 365 * 24 * 3600 }],
    ['nbf 10 minutes ahead', { notBeforeIn: 600 }],
  ])('%s: 401 invalid_token, nothing sent to AWS', async (_what, options) => {
    const { res, sent } = await create(await issuer.token(options));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', retryable: false });
    expect(sent).toBe(0);
  });

  it('iat and nbf within the 5 s skew, or in the past, are accepted', async () => {
    for (const options of [{ issuedIn: 3 }, { notBeforeIn: 3 }, { issuedIn: -600, notBeforeIn: -600 }]) {
      const { res } = await create(await issuer.token(options));
      expect(res.body.errors, JSON.stringify(options)).toBeUndefined();
    }
  });

  it('a scope claim given as a JSON array grants nothing: 403, nothing sent to AWS', async () => {
    const token = await issuer.token({ claims: { scope: ALL_SCOPES.split(' ') as unknown as string } });
    const { res, sent } = await create(token);
    expect(res.status).toBe(403);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(sent).toBe(0);
  });
});
