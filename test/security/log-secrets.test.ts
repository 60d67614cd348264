import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { v2Event } from '../support/apigw-events.js';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { captureOutput } from './capture-output.js';
import { startTestIssuer, type TestIssuer } from './jwt-issuer.js';
import { startLambdaApp } from './lambda-app.js';

/** The parts of a JWT that would let someone replay it: never in a log line. */
function secretParts(token: string): string[] {
  const [, payload, signature] = token.split('.');
  return [token, payload ?? '', signature ?? ''].filter((p) => p.length > 16);
}

describe('tokens and secrets never reach the logs', () => {
  let issuer: TestIssuer;
  let stack: Stack;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    stack = await startStack({ env: { ...issuer.env, LOG_LEVEL: 'DEBUG' } });
  });
  afterAll(async () => {
    await stack.close();
    await issuer.close();
  });

  it('auth failures with a token are logged (with the request id and why), the token is not', async () => {
    const tokens = [
      await issuer.token({ expiresIn: -60 }),
      await issuer.token({ forged: true }),
      await issuer.token({ audience: 'other' }),
      await issuer.token({ issuer: 'https://evil.example' }),
      await issuer.token({ scope: 'openid' }), // valid, but lacks the scope
      await issuer.token(), // valid: the success path logs nothing of it either
    ];
    const { value: responses, output } = await captureOutput(async () => {
      const out = [];
      for (const token of tokens) {
        out.push(
          await gql(
            stack.url,
            CREATE_SNAPSHOT,
            { input: snapshotInput() },
            { authorization: `Bearer ${token}` },
          ),
        );
      }
      out.push(
        await gql(
          stack.url,
          CREATE_SNAPSHOT,
          { input: snapshotInput() },
          { authorization: 'Bearer garbage-token-value-1234567890' },
        ),
      );
      return out;
    });
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 403, 200, 401]);
    for (const token of tokens) for (const part of secretParts(token)) expect(output).not.toContain(part);
    expect(output).not.toContain('garbage-token-value-1234567890');
    expect(output).not.toMatch(/authorization|Bearer ey/i);
    expect(output).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
    // The refusals are there to investigate: each with its request id and reason.
    const refused = responses.filter((r) => r.status === 401);
    for (const r of refused) expect(output).toContain(r.headers.get('x-request-id') as string);
    expect(output).toMatch(/ERR_JWT_EXPIRED/);
    expect(output).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED/);
  });

  it('on Lambda too: an event carrying a token but no authorizer', async () => {
    const token = await issuer.token();
    const { output } = await captureOutput(async () => {
      const app = await startLambdaApp({ LOG_LEVEL: 'DEBUG' });
      try {
        const result = await app.invoke(
          v2Event({
            method: 'POST',
            path: '/graphql',
            body: JSON.stringify({ query: '{ __typename }' }),
            headers: { authorization: `Bearer ${token}` },
            claims: null,
          }),
        );
        expect(result.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    });
    for (const part of secretParts(token)) expect(output).not.toContain(part);
    expect(output).toMatch(/not authenticated/);
  });
});
