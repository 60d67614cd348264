import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { gql } from '../support/graphql-client.js';
import { type LambdaBridge, type ProxyHandler, startLambdaBridge } from '../support/lambda-http-bridge.js';
import { CREATE_SNAPSHOT } from '../support/lambda-operations.js';
import { stubLambdaEnv } from './lambda-env.js';

/** Real HTTP clients against the Lambda handler, through the API Gateway bridge (v2 and v1). */
let emulator: RunningEmulator;
let handler: ProxyHandler;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  // The audits' variables cases query __type: introspection is off by default on Lambda.
  stubLambdaEnv(emulator.url, {
    LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    INTROSPECTION: 'true',
  });
  ({ handler } = (await import('../../src/lambda.js')) as unknown as { handler: ProxyHandler });
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

for (const version of ['v2', 'v1'] as const) {
  describe(`over HTTP, as ${version} events`, () => {
    let bridge: LambdaBridge;
    beforeAll(async () => {
      bridge = await startLambdaBridge({ handler, version });
    });
    afterAll(() => bridge.close());

    it('answers a mutation and /health', async () => {
      const res = await gql(bridge.url, CREATE_SNAPSHOT);
      expect(res.status).toBe(200);
      expect(res.body.data?.createResourceSnapshot.arn).toMatch(/^arn:aws:partnercentral:/);
      expect(res.headers.get('x-request-id')).toEqual(expect.any(String));
      const health = await fetch(`${bridge.url}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    });

    describe('graphql-http audits', () => {
      for (const audit of serverAudits({ url: () => `${bridge.url}/graphql`, fetchFn: fetch })) {
        it(`${audit.id} ${audit.name}`, async () => {
          const result = await audit.fn();
          expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
        });
      }
    });
  });
}
