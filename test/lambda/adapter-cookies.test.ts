import { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { getCookie, setCookie } from 'hono/cookie';
import { describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../src/lambda/handler.js';
import { lambdaContext, v1Event, v2Event } from '../support/apigw-events.js';

/** Cookies both ways through the Lambda adapter: the facade sets none yet, so a tiny app does. */
const app = new Hono();
app.get('/cookies', (c) => {
  setCookie(c, 'a', '1', { path: '/', httpOnly: true });
  setCookie(c, 'b', '2', { path: '/', secure: true });
  return c.json({ session: getCookie(c, 'session') ?? null, theme: getCookie(c, 'theme') ?? null });
});
const handler = createLambdaHandler({ serve: handle(app), logger: new Logger({ logLevel: 'SILENT' }) });

describe('cookies through the Lambda adapter', () => {
  it('HTTP API v2: request cookies from `cookies`, several Set-Cookie into `cookies`', async () => {
    const result = await handler(v2Event({ method: 'GET', path: '/cookies' }) as never, lambdaContext());
    expect(JSON.parse(result.body)).toEqual({ session: 's3ss10n', theme: 'dark' });
    expect((result as { cookies?: string[] }).cookies).toEqual([
      'a=1; Path=/; HttpOnly',
      'b=2; Path=/; Secure',
    ]);
  });

  it('REST API v1: request cookies from the Cookie header, several Set-Cookie as multi-value', async () => {
    const result = await handler(v1Event({ method: 'GET', path: '/cookies' }) as never, lambdaContext());
    expect(JSON.parse(result.body)).toEqual({ session: 's3ss10n', theme: 'dark' });
    expect(result.multiValueHeaders?.['set-cookie']).toEqual([
      'a=1; Path=/; HttpOnly',
      'b=2; Path=/; Secure',
    ]);
  });
});
