import { readFileSync } from 'node:fs';
import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../src/auth/caller.js';
import type { AwsClients } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { ERROR_HTTP_STATUS, type ErrorCode } from '../../src/errors/error-codes.js';
import { FacadeError } from '../../src/errors/facade-error.js';
import { type AppEnv, requestId } from '../../src/http/request-id.js';
import type { Upstream } from '../../src/operations/operation.js';
import { createRestRoutes } from '../../src/rest/routes.js';
import { snapshotInput } from '../support/operations.js';
import { snapshotKey } from './snapshot-key.js';

const CODES = Object.keys(ERROR_HTTP_STATUS) as ErrorCode[];
const config = readConfig('local', { LOG_LEVEL: 'SILENT' });

/** `code` -> the statuses its README row names in the "REST status" column. */
function readmeStatuses(): Map<string, number[]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('### Errors'), readme.indexOf('## Configuration'));
  const rows = new Map<string, number[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const code = /^`([A-Z_]+)`/.exec(cells[2] ?? '')?.[1];
    if (code)
      rows.set(
        code,
        [...(cells[4] ?? '').matchAll(/\b\d{3}\b/g)].map((m) => Number(m[0])),
      );
  }
  return rows;
}

/**
 * The REST routes alone, over a Partner Central client whose calls answer as told (`create` for
 * CreateResourceSnapshot, `get` for GetResourceSnapshot); the caller is set as the auth middleware would.
 */
function restApp(
  services: { create?: () => Promise<unknown>; get?: () => Promise<unknown> },
  caller?: Caller,
) {
  const send = (command: { constructor: { name: string } }) =>
    (command.constructor.name === 'CreateResourceSnapshotCommand' ? services.create : services.get)?.();
  const clients = { partnerCentral: { send }, marketplace: {} } as unknown as AwsClients;
  const logger = { error: vi.fn() };
  const metrics = { record: vi.fn() };
  const upstream = { clients, deadlineMs: 5_000 };
  const app = new Hono<AppEnv>();
  app.use(requestId);
  app.use(async (c, next) => {
    c.set('caller', caller ?? { subject: 'test', scopes: 'all' });
    await next();
  });
  app.route(
    '/rest',
    createRestRoutes({
      config,
      logger: logger as unknown as Logger,
      services: { scopes: config.auth.scopes, upstream, metrics },
    }),
  );
  const create = (body: unknown = snapshotInput()) =>
    app.request('/rest/resource-snapshots', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-0123456789' },
      body: JSON.stringify(body),
    });
  return { app, logger, metrics, create };
}

describe('REST statuses of the error codes', () => {
  it('the README table gives each GraphQL error code the REST status the code has', () => {
    const rows = readmeStatuses();
    expect(rows.size).toBeGreaterThan(10);
    for (const [code, statuses] of rows) {
      expect(CODES, `README code ${code}`).toContain(code);
      expect(statuses, `README status of ${code}`).toContain(ERROR_HTTP_STATUS[code as ErrorCode]);
    }
  });

  it.each(CODES)('%s leaves a REST route with its status and the error envelope', async (code) => {
    const error = new FacadeError(code, `failed with ${code}`, {
      retryable: code === 'THROTTLED',
      ...(code === 'THROTTLED' ? { retryAfterSeconds: 2 } : {}),
    });
    const { create, metrics } = restApp({ create: () => Promise.reject(error) });
    const res = await create();
    expect(res.status).toBe(ERROR_HTTP_STATUS[code]);
    expect(await res.json()).toEqual({
      error: {
        code,
        message: `failed with ${code}`,
        retryable: code === 'THROTTLED',
        requestId: 'req-0123456789',
      },
    });
    expect(res.headers.get('retry-after')).toBe(code === 'THROTTLED' ? '2' : null);
    expect(metrics.record).toHaveBeenCalledWith('createResourceSnapshot', code);
  });

  it('keeps the more precise status an error carries (504 for an upstream timeout)', async () => {
    const timeout = new FacadeError('UPSTREAM_UNAVAILABLE', 'late', { status: 504, retryAfterSeconds: 1 });
    const res = await restApp({ create: () => Promise.reject(timeout) }).create();
    expect(res.status).toBe(504);
    expect(res.headers.get('retry-after')).toBe('1');
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR (500) and logs it with the request id', async () => {
    const bug = new TypeError('secret internal detail at /var/task/index.js:1');
    const { create, logger, metrics } = restApp({ create: () => Promise.reject(bug) });
    const res = await create();
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Unexpected error.',
        retryable: false,
        requestId: 'req-0123456789',
      },
    });
    expect(text).not.toContain('secret');
    expect(logger.error).toHaveBeenCalledWith(expect.any(String), {
      error: bug,
      requestId: 'req-0123456789',
    });
    expect(metrics.record).toHaveBeenCalledWith('createResourceSnapshot', 'INTERNAL_SERVER_ERROR');
  });

  it('records OK for a success, under the GraphQL field name', async () => {
    const { create, metrics } = restApp({
      create: () => Promise.resolve({ Arn: 'arn:x', Revision: 1 }),
    });
    expect((await create()).status).toBe(201);
    expect(metrics.record).toHaveBeenCalledWith('createResourceSnapshot', 'OK');
  });

  it("refuses FORBIDDEN (403) without the operation's scope, before reading the input or calling AWS", async () => {
    const create = vi.fn();
    const get = vi.fn(() => Promise.reject(new FacadeError('NOT_FOUND', 'none')));
    const reader: Caller = { subject: 'reader', scopes: new Set(['partnercentral/snapshots.read']) };
    const { app, create: post } = restApp({ create, get }, reader);
    const refused = await post({ catalog: 'not even valid' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { code: 'FORBIDDEN', message: expect.stringContaining('partnercentral/snapshots.write') },
    });
    expect(create).not.toHaveBeenCalled();

    const read = await app.request(`/rest/resource-snapshots?${new URLSearchParams(snapshotKey())}`);
    expect(read.status).toBe(404);
    expect(get).toHaveBeenCalledOnce();
  });

  it('refuses every operation when no caller was set (the auth middleware not mounted)', async () => {
    const app = new Hono<AppEnv>();
    app.use(requestId);
    app.route(
      '/rest',
      createRestRoutes({
        config,
        logger: { error: vi.fn() } as unknown as Logger,
        services: { scopes: config.auth.scopes, upstream: {} as Upstream },
      }),
    );
    expect((await app.request('/rest/change-sets/abc')).status).toBe(403);
  });
});
