import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OpenApiClient } from '../support/openapi-client.js';
import { snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { type JwtIssuer, startJwtIssuer } from './jwt-issuer.js';

const WRITE = 'partnercentral/snapshots.write';
const READ = 'partnercentral/snapshots.read';

/** The same authentication and scopes as GraphQL (AUTH_MODE=jwt, tokens verified against a JWKS). */
describe('REST with AUTH_MODE=jwt', () => {
  let issuer: JwtIssuer;
  let stack: Stack;
  let api: OpenApiClient;
  const bearer = async (scopes: string[]) => ({ authorization: `Bearer ${await issuer.token(scopes)}` });

  beforeAll(async () => {
    issuer = await startJwtIssuer();
    stack = await startStack({ env: issuer.env });
    api = await OpenApiClient.load(stack.url, await bearer([]));
  });
  afterAll(async () => {
    await stack.close();
    await issuer.close();
  });
  beforeEach(() => stack.emulator.reset());

  it('UNAUTHENTICATED (401) in the REST envelope without a token, or with a bad one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Array<Record<string, string>>) {
      const res = await api.call('createResourceSnapshot', { body: snapshotInput(), headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(res.body.error).toMatchObject({ code: 'UNAUTHENTICATED', retryable: false });
    }
    expect(stack.emulator.stats().requests).toEqual({});
  });

  it("FORBIDDEN (403) without the operation's scope; allowed with it", async () => {
    const readOnly = await bearer([READ]);
    const refused = await api.call('createResourceSnapshot', { body: snapshotInput(), headers: readOnly });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(WRITE) });
    expect(stack.emulator.stats().requests).toEqual({});

    const created = await api.call('createResourceSnapshot', {
      body: snapshotInput(),
      headers: await bearer([WRITE]),
    });
    expect(created.status).toBe(201);
    const location = new URL(created.headers.get('location') ?? '', created.url);
    const read = await api.call('resourceSnapshot', {
      query: Object.fromEntries(location.searchParams),
      headers: readOnly,
    });
    expect(read.status).toBe(200);
  });

  it('documents the bearer scheme and the scope of each operation', () => {
    expect(api.document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    expect(api.operation('createResourceSnapshot').operation.security).toEqual([{ bearer: [WRITE] }]);
    expect(api.operation('resourceSnapshot').operation.security).toEqual([{ bearer: [READ] }]);
    expect(api.operation('startChangeSet').operation.security).toEqual([
      { bearer: ['marketplace/changesets.write'] },
    ]);
    expect(api.operation('changeSet').operation.security).toEqual([
      { bearer: ['marketplace/changesets.read'] },
    ]);
  });
});
