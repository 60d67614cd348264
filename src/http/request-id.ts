import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Caller } from '../auth/caller.js';

export type AppEnv = {
  /** `caller` is set by src/auth/authenticate.ts on every route but /health. */
  Variables: { requestId: string; caller: Caller };
  Bindings: { event?: { requestContext?: { requestId?: string } } };
};

// A client-chosen id is kept only when it is harmless to echo and to log.
const SAFE_ID = /^[\w.:-]{8,128}$/;

export function chooseRequestId(fromGateway: string | undefined, fromClient: string | undefined): string {
  return fromGateway ?? (fromClient && SAFE_ID.test(fromClient) ? fromClient : randomUUID());
}

/**
 * One id per request, for logs and for every error a client sees: API Gateway's own on Lambda,
 * else a well-formed `x-request-id` from the client, else a new UUID. Echoed as `x-request-id`.
 */
export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = chooseRequestId(c.env?.event?.requestContext?.requestId, c.req.header('x-request-id'));
  c.set('requestId', id);
  await next();
  c.header('x-request-id', id);
});
