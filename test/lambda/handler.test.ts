import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/index.js';
import { startEmulator } from '../../src/emulator/index.js';
import { lambdaContext, v1Event, v2Event } from '../support/apigw-events.js';
import type { ProxyHandler, ProxyResult } from '../support/lambda-http-bridge.js';
import {
  CREATE_SNAPSHOT,
  INVALID_SNAPSHOT,
  LATEST_SNAPSHOT,
  START_CHANGE_SET,
} from '../support/lambda-operations.js';
import { snapshotInput } from '../support/operations.js';
import { stubLambdaEnv } from './lambda-env.js';

/** src/lambda.ts over real API Gateway v1/v2 events, its SDK clients talking to a real emulator. */

const TOKEN = 'eyJraWQiOiJmaXh0dXJlIiwiYWxnIjoiUlMyNTYifQ';
let emulator: RunningEmulator;
let handler: ProxyHandler;
let requestsDuringInit: Record<string, number>;
const stdout: string[] = [];

const json = (result: ProxyResult) => JSON.parse(result.body ?? 'null');
const header = (result: ProxyResult, name: string) =>
  result.headers?.[name] ?? result.multiValueHeaders?.[name]?.join(', ');
const post = (query: string) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query }) });
const invoke = (event: object) => handler(event, lambdaContext());

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, changeSetDurationMs: 0 });
  stubLambdaEnv(emulator.url);
  // Powertools writes JSON logs and EMF to stdout: keep them for the assertions below, unprinted.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  ({ handler } = (await import('../../src/lambda.js')) as unknown as { handler: ProxyHandler });
  requestsDuringInit = { ...emulator.stats().requests };
});

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator.close();
});

describe('init', () => {
  it('makes no AWS request during init: the warm-up is answered in-process', () => {
    expect(requestsDuringInit).toEqual({});
  });
});

describe('HTTP API (payload 2.0) events', () => {
  it('answers POST /graphql with a JSON body through the SDK and the emulator', async () => {
    const event = v2Event(post(CREATE_SNAPSHOT));
    const result = await invoke(event);
    expect(result.statusCode).toBe(200);
    expect(json(result).data.createResourceSnapshot.arn).toMatch(/^arn:aws:partnercentral:/);
    expect(header(result, 'x-request-id')).toBe(event.requestContext.requestId);
    expect(result.isBase64Encoded).toBe(false);
  });

  it('decodes a base64 body', async () => {
    const result = await invoke(v2Event({ ...post(START_CHANGE_SET), base64: true }));
    expect(result.statusCode).toBe(200);
    expect(json(result).data.startChangeSet.changeSetId).toEqual(expect.any(String));
  });

  it('answers a query sent by GET', async () => {
    await invoke(v2Event(post(CREATE_SNAPSHOT)));
    const result = await invoke(
      v2Event({
        method: 'GET',
        path: '/graphql',
        query: new URLSearchParams({ query: LATEST_SNAPSHOT }).toString(),
        headers: { accept: 'application/graphql-response+json' },
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(json(result).data.resourceSnapshot.revision).toBeGreaterThanOrEqual(1);
  });

  it('refuses a mutation sent by GET with 405 and Allow: POST, calling no AWS operation', async () => {
    const before = emulator.stats().requests.CreateResourceSnapshot ?? 0;
    const result = await invoke(
      v2Event({
        method: 'GET',
        path: '/graphql',
        query: new URLSearchParams({ query: CREATE_SNAPSHOT }).toString(),
        headers: { accept: 'application/graphql-response+json' },
      }),
    );
    expect(result.statusCode).toBe(405);
    expect(header(result, 'allow')).toContain('POST');
    expect(emulator.stats().requests.CreateResourceSnapshot ?? 0).toBe(before);
  });

  it('keeps the first of repeated query parameters, as a browser URL would', async () => {
    const query = 'query A { a: __typename } query B { b: __typename }';
    const result = await invoke(
      v2Event({
        method: 'GET',
        path: '/graphql',
        query: `query=${encodeURIComponent(query)}&operationName=A&operationName=B`,
      }),
    );
    expect(json(result).data).toEqual({ a: 'Query' });
  });

  it('answers GET /health without calling AWS', async () => {
    const before = JSON.stringify(emulator.stats().requests);
    const result = await invoke(v2Event({ method: 'GET', path: '/health' }));
    expect(result.statusCode).toBe(200);
    expect(json(result)).toEqual({ status: 'ok' });
    expect(JSON.stringify(emulator.stats().requests)).toBe(before);
  });

  it('answers an unknown route with the JSON 404', async () => {
    const result = await invoke(v2Event({ method: 'GET', path: '/nope' }));
    expect(result.statusCode).toBe(404);
    expect(json(result).error.code).toBe('NOT_FOUND');
  });

  it('does not serve GraphiQL by default on Lambda', async () => {
    const result = await invoke(
      v2Event({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } }),
    );
    expect(String(header(result, 'content-type'))).not.toContain('text/html');
  });
});

describe('REST API (v1) events', () => {
  it('answers POST /graphql (stage prefix only in requestContext.path)', async () => {
    const event = v1Event(post(START_CHANGE_SET));
    const result = await invoke(event);
    expect(result.statusCode).toBe(200);
    expect(json(result).data.startChangeSet.changeSetArn).toMatch(/^arn:aws:aws-marketplace:/);
    expect(result.multiValueHeaders?.['x-request-id']).toEqual([event.requestContext.requestId]);
  });

  it('decodes a base64 body', async () => {
    const result = await invoke(v1Event({ ...post(CREATE_SNAPSHOT), base64: true }));
    expect(json(result).data.createResourceSnapshot.revision).toBeGreaterThanOrEqual(1);
  });

  it('reads multi-value query strings in order', async () => {
    const query = 'query A { a: __typename } query B { b: __typename }';
    const event = v1Event({
      method: 'GET',
      path: '/graphql',
      query: `query=${encodeURIComponent(query)}&operationName=A&operationName=B`,
    });
    // API Gateway's single-value map keeps the last value; the multi-value one keeps both.
    expect(event.queryStringParameters.operationName).toBe('B');
    expect(json(await invoke(event)).data).toEqual({ a: 'Query' });
  });

  it('reads every value of a multi-value header', async () => {
    // Only the second Accept value is acceptable: seeing just one of them would give 406.
    const event = v1Event({
      method: 'GET',
      path: '/graphql',
      query: 'query=%7B__typename%7D',
      headers: { Accept: ['text/plain', 'application/graphql-response+json'] },
    });
    expect(event.headers.Accept).toBe('application/graphql-response+json');
    event.headers.Accept = 'text/plain';
    const result = await invoke(event);
    expect(result.statusCode).toBe(200);
    expect(String(header(result, 'content-type'))).toContain('application/graphql-response+json');
  });

  it('answers GET /health and the JSON 404', async () => {
    expect(json(await invoke(v1Event({ method: 'GET', path: '/health' })))).toEqual({ status: 'ok' });
    expect((await invoke(v1Event({ method: 'DELETE', path: '/nope' }))).statusCode).toBe(404);
  });
});

describe('logs and metrics', () => {
  const lines = () =>
    stdout
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      // biome-ignore lint/suspicious/noExplicitAny: log lines are free-form JSON.
      .map((l) => JSON.parse(l) as Record<string, any>);

  it('logs each AWS call with the Lambda, API Gateway and AWS request ids', async () => {
    const context = lambdaContext();
    const event = v2Event(post(CREATE_SNAPSHOT));
    await handler(event, context);
    const call = lines().find(
      (l) => l.message === 'AWS call' && l.function_request_id === context.awsRequestId,
    );
    expect(call).toMatchObject({
      level: 'INFO',
      service: 'aws-partner-facade',
      apiGatewayRequestId: event.requestContext.requestId,
      awsService: 'PartnerCentralSelling',
      awsOperation: 'CreateResourceSnapshot',
      httpStatusCode: 200,
    });
    expect(call?.awsRequestId).toEqual(expect.any(String));
    expect(call?.awsRequestId).not.toBe('warm-up');
  });

  it('publishes EMF metrics per operation and outcome, and one cold start', async () => {
    await invoke(v2Event(post(INVALID_SNAPSHOT)));
    const emf = lines().filter((l) => l._aws);
    const outcome = (operation: string, value: string) =>
      emf.some((l) => l.operation === operation && l.outcome === value && l.Operations >= 1);
    expect(outcome('createResourceSnapshot', 'OK')).toBe(true);
    expect(outcome('startChangeSet', 'OK')).toBe(true);
    expect(outcome('createResourceSnapshot', 'BAD_USER_INPUT')).toBe(true);
    expect(emf.find((l) => l.operation)?._aws.CloudWatchMetrics[0]).toMatchObject({
      Namespace: 'AwsPartnerFacade',
      Dimensions: [['service', 'operation', 'outcome']],
      Metrics: [{ Name: 'Operations', Unit: 'Count' }],
    });
    expect(emf.filter((l) => l.ColdStart === 1)).toHaveLength(1);
    // The warm-up does not use up the cold start: it is the first real invocation's, by its name.
    expect(emf.find((l) => l.ColdStart === 1)?.function_name).toBe(lambdaContext().functionName);
    expect(lines().find((l) => l.function_request_id)?.cold_start).toBe(true);
    // The init warm-up is not traffic: it records no metric and logs nothing at INFO.
    expect(lines().some((l) => l.warmUp || l.apiGatewayRequestId === 'warm-up')).toBe(false);
  });

  /** The `Operations` EMF lines one invocation wrote: operation, outcome, count. */
  async function metricsOf(event: object) {
    const from = stdout.length;
    await invoke(event);
    return stdout
      .slice(from)
      .join('')
      .split('\n')
      .filter((l) => l.includes('"Operations":'))
      .map((l) => {
        const { operation, outcome, Operations } = JSON.parse(l);
        return [operation, outcome, Operations];
      });
  }
  const restCreate = (body: unknown) =>
    v2Event({ method: 'POST', path: '/rest/resource-snapshots', body: JSON.stringify(body) });

  it('counts an operation once under its name, whichever face called it', async () => {
    expect(await metricsOf(v2Event(post(CREATE_SNAPSHOT)))).toEqual([['createResourceSnapshot', 'OK', 1]]);
    expect(await metricsOf(restCreate(snapshotInput()))).toEqual([['createResourceSnapshot', 'OK', 1]]);
    expect(await metricsOf(restCreate({ catalog: 'SANDBOX' }))).toEqual([
      ['createResourceSnapshot', 'BAD_USER_INPUT', 1],
    ]);
    // Two aliased calls in one document: one line, counted twice.
    const twice = `mutation { a: ${CREATE_SNAPSHOT.slice(CREATE_SNAPSHOT.indexOf('createResourceSnapshot'), -2)} b: ${CREATE_SNAPSHOT.slice(CREATE_SNAPSHOT.indexOf('createResourceSnapshot'), -2)} }`;
    expect(await metricsOf(v2Event(post(twice)))).toEqual([['createResourceSnapshot', 'OK', 2]]);
    // Root fields in fragments (as Relay and Apollo clients send them) count as written plainly.
    const read = 'changeSet(changeSetId: "examplesucceeded000000001") { status }';
    expect(await metricsOf(v2Event(post(`{ ... on Query { ${read} } }`)))).toEqual([['changeSet', 'OK', 1]]);
    expect(await metricsOf(v2Event(post(`{ ...F } fragment F on Query { ${read} }`)))).toEqual([
      ['changeSet', 'OK', 1],
    ]);
    const misspelt = `{ ...F } fragment F on Query { ${read.replace('status', 'statuz')} }`;
    expect(await metricsOf(v2Event(post(misspelt)))).toEqual([['changeSet', 'GRAPHQL_VALIDATION_FAILED', 1]]);
  });

  it('counts a GraphQL request refused before any operation ran under the fields it names, or unknown', async () => {
    const misspelt = CREATE_SNAPSHOT.replace('{ arn', '{ arm');
    expect(await metricsOf(v2Event(post(misspelt)))).toEqual([
      ['createResourceSnapshot', 'GRAPHQL_VALIDATION_FAILED', 1],
    ]);
    expect(await metricsOf(v2Event(post('mutation {')))).toEqual([['unknown', 'GRAPHQL_PARSE_FAILED', 1]]);
    expect(await metricsOf(v2Event(post('{ __typename }')))).toEqual([['unknown', 'OK', 1]]);
    // Not operations: no metric.
    expect(await metricsOf(v1Event({ method: 'GET', path: '/health' }))).toEqual([]);
  });

  it('never logs the bearer token or request bodies', () => {
    const all = stdout.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('OpportunitySummary');
    expect(all).not.toContain('From Lambda');
  });
});
