import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { afterEach, describe, expect, it } from 'vitest';
import { matchRoute } from '../support/gateway-template.js';
import {
  GATEWAY_LIMITS,
  type LambdaBridge,
  type ProxyHandler,
  startLambdaBridge,
} from '../support/lambda-http-bridge.js';

/** The Lambda-faithful bridge itself: the limits it enforces whatever the handler does. */
let bridge: LambdaBridge | undefined;
afterEach(async () => {
  await bridge?.close();
  bridge = undefined;
});

const answer =
  (body: string, delayMs = 0): ProxyHandler =>
  async () => {
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { statusCode: 200, headers: { 'content-type': 'text/html' }, body };
  };

describe('the Lambda-faithful bridge', () => {
  it('answers 500 for a result over Lambda’s 6 MB, as yoga’s inlined GraphiQL page is', async () => {
    const page = renderGraphiQL({ title: 'inlined' });
    expect(Buffer.byteLength(page)).toBeGreaterThan(GATEWAY_LIMITS.payloadBytes);
    bridge = await startLambdaBridge({ handler: answer(page) });
    const res = await fetch(`${bridge.url}/graphql`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('answers 503 when the function outlasts the integration timeout', async () => {
    bridge = await startLambdaBridge({ handler: answer('late', 400), integrationTimeoutMs: 100 });
    const res = await fetch(`${bridge.url}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ message: 'Service Unavailable' });
  });

  it('passes a request just under the limits and gives each its own request id', async () => {
    const ids: string[] = [];
    bridge = await startLambdaBridge({
      handler: async (event) => {
        ids.push(event.requestContext.requestId);
        return { statusCode: 200, body: String(event.body?.length ?? 0) };
      },
    });
    const body = 'x'.repeat(5 * 1024 * 1024);
    const res = await fetch(`${bridge.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(await res.text()).toBe(String(body.length));
    await fetch(`${bridge.url}/graphql`, { headers: { 'x-padding': 'x'.repeat(9_000) } });
    expect(new Set(ids).size).toBe(2);
  });

  it('matches routes as API Gateway does: literals first, {param} one segment, {proxy+} the rest', () => {
    const routes = [
      { method: 'GET', path: '/rest/change-sets/{changeSetId}', authorizer: 'jwt' },
      { method: 'GET', path: '/rest/change-sets/latest', authorizer: null },
      { method: 'GET', path: '/files/{proxy+}', authorizer: null },
    ];
    expect(matchRoute(routes, 'GET', '/rest/change-sets/abc')?.path).toBe('/rest/change-sets/{changeSetId}');
    expect(matchRoute(routes, 'GET', '/rest/change-sets/latest')?.authorizer).toBeNull();
    expect(matchRoute(routes, 'GET', '/rest/change-sets/abc/cancel')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/rest/change-sets/')).toBeUndefined();
    expect(matchRoute(routes, 'POST', '/rest/change-sets/abc')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/files/a/b/c')?.path).toBe('/files/{proxy+}');
  });
});
