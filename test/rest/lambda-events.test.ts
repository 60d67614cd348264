import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createAppHandler } from '../../src/lambda/app-handler.js';
import type { LambdaHandler } from '../../src/lambda/handler.js';
import { createLogger } from '../../src/logging/logger.js';
import { changeSetInput, snapshotInput } from '../support/operations.js';
import { FAST_RETRIES } from '../support/stack.js';
import { snapshotKey } from './snapshot-key.js';

/**
 * The REST routes through the Lambda handler, with API Gateway events of both payload versions built
 * here. (Stopgap until test/support/lambda-http-bridge.ts drives the handler over real HTTP.)
 */

interface Request {
  method: string;
  path: string;
  query?: Record<string, string[]>;
  body?: unknown;
}

const CONTEXT = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'rest-test',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:rest-test',
  memoryLimitInMB: '512',
  awsRequestId: 'lambda-request',
  logGroupName: 'g',
  logStreamName: 's',
  getRemainingTimeInMillis: () => 10_000,
};

const headersOf = (r: Request) => (r.body === undefined ? {} : { 'content-type': 'application/json' });
const bodyOf = (r: Request) =>
  r.body === undefined ? null : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);

/** HTTP API, payload 2.0, `$default` stage. */
function v2(r: Request, requestId: string) {
  const rawQueryString = new URLSearchParams(
    Object.entries(r.query ?? {}).flatMap(([k, vs]) => vs.map((v) => [k, v])),
  ).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: r.path,
    rawQueryString,
    headers: { host: 'api.example.com', ...headersOf(r) },
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      domainName: 'api.example.com',
      http: {
        method: r.method,
        path: r.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: bodyOf(r),
    isBase64Encoded: false,
  };
}

/** REST API (v1), `prod` stage: the event's path carries no stage prefix. */
function v1(r: Request, requestId: string) {
  const headers = { Host: 'api.example.com', ...headersOf(r) };
  return {
    resource: '/{proxy+}',
    path: r.path,
    httpMethod: r.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: r.query
      ? Object.fromEntries(Object.entries(r.query).map(([k, vs]) => [k, vs.at(-1)]))
      : null,
    multiValueQueryStringParameters: r.query ?? null,
    pathParameters: { proxy: r.path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: '000000000000',
      apiId: 'api',
      httpMethod: r.method,
      path: `/prod${r.path}`,
      stage: 'prod',
      requestId,
      resourcePath: '/{proxy+}',
      identity: { sourceIp: '127.0.0.1' },
    },
    body: bodyOf(r),
    isBase64Encoded: false,
  };
}

describe.each([
  ['HTTP API v2', v2],
  ['REST API v1', v1],
] as const)('REST through the Lambda handler, %s events', (_name, toEvent) => {
  let emulator: RunningEmulator;
  let handler: LambdaHandler;
  let close: () => void;
  let n = 0;

  const invoke = async (r: Request) => {
    const requestId = `gw-request-${++n}`;
    const result = await handler(toEvent(r, requestId) as never, CONTEXT);
    const headers = new Headers();
    for (const [k, v] of Object.entries(result.headers ?? {})) headers.set(k, String(v));
    for (const [k, vs] of Object.entries(result.multiValueHeaders ?? {}))
      for (const v of vs) headers.append(k, String(v));
    return { status: result.statusCode, headers, body: JSON.parse(result.body), requestId };
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const config = readConfig('local', { LOG_LEVEL: 'SILENT' });
    const clients = createAwsClients(config.aws, {
      endpoint: emulator.url,
      credentials: EMULATOR_CREDENTIALS,
      ...FAST_RETRIES,
    });
    const logger = createLogger(config);
    handler = createAppHandler({ config, clients, logger }).handler;
    close = () => {
      clients.partnerCentral.destroy();
      clients.marketplace.destroy();
    };
  });
  afterAll(async () => {
    close();
    await emulator.close();
  });
  beforeEach(() => {
    emulator.reset();
    emulator.setFaults({});
  });

  it('creates a snapshot (201 + Location) and reads it back with a query string', async () => {
    const created = await invoke({ method: 'POST', path: '/rest/resource-snapshots', body: snapshotInput() });
    expect(created.status).toBe(201);
    expect(created.body.revision).toBe(1);
    const location = new URL(
      created.headers.get('location') ?? '',
      'https://api.example.com/prod/rest/resource-snapshots',
    );
    expect(location.pathname).toBe('/prod/rest/resource-snapshots');
    const query = Object.fromEntries([...location.searchParams].map(([k, v]) => [k, [v]]));
    const read = await invoke({ method: 'GET', path: '/rest/resource-snapshots', query });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ revision: 1, catalog: 'SANDBOX' });
  });

  it('starts a change set (202) and describes it; errors carry the gateway request id', async () => {
    const started = await invoke({ method: 'POST', path: '/rest/change-sets', body: changeSetInput() });
    expect(started.status).toBe(202);
    expect(started.headers.get('location')).toBe(`change-sets/${started.body.changeSetId}`);
    const described = await invoke({ method: 'GET', path: `/rest/change-sets/${started.body.changeSetId}` });
    expect(described.status).toBe(200);
    expect(described.body.changeSetId).toBe(started.body.changeSetId);

    const bad = await invoke({ method: 'POST', path: '/rest/change-sets', body: '{not json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_REQUEST', requestId: bad.requestId });
    expect(bad.headers.get('x-request-id')).toBe(bad.requestId);
  });

  it('lists change sets with a repeated status, cancels one, and describes an entity', async () => {
    const listed = await invoke({
      method: 'GET',
      path: '/rest/change-sets',
      query: { status: ['FAILED', 'CANCELLED'], sortOrder: ['ASCENDING'] },
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: { changeSetId: string }) => i.changeSetId)).toEqual([
      'examplefailed000000000001',
      'examplecancelled000000001',
    ]);
    const started = await invoke({ method: 'POST', path: '/rest/change-sets', body: changeSetInput() });
    const cancelled = await invoke({
      method: 'POST',
      path: `/rest/change-sets/${started.body.changeSetId}/cancel`,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.changeSetId).toBe(started.body.changeSetId);
    const entity = await invoke({ method: 'GET', path: '/rest/entities/offer-example0001' });
    expect(entity.status).toBe(200);
    expect(entity.body).toMatchObject({ entityId: 'offer-example0001', entityType: 'Offer@1.0' });
  });

  it('reports a repeated query parameter and answers 429 with Retry-After', async () => {
    const repeated = await invoke({
      method: 'GET',
      path: '/rest/resource-snapshots',
      query: {
        ...Object.fromEntries(Object.entries(snapshotKey()).map(([k, v]) => [k, [v]])),
        catalog: ['AWS', 'SANDBOX'],
      },
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body.error.fieldErrors).toEqual([expect.objectContaining({ path: 'catalog' })]);

    emulator.setFaults({ throttleRate: 1 });
    const throttled = await invoke({
      method: 'POST',
      path: '/rest/resource-snapshots',
      body: snapshotInput(),
    });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body.error.code).toBe('THROTTLED');
  });
});
