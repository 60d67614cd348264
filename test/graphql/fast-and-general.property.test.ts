import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { type APIGatewayProxyResult, handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createLocalServer } from '../../src/http/local-server.js';
import { createAppHandler } from '../../src/lambda/app-handler.js';
import { createLogger } from '../../src/logging/logger.js';
import type { OperationMetrics } from '../../src/logging/operation-metrics.js';
import { lambdaContext, v2Event } from '../support/apigw-events.js';
import {
  CREATE_SNAPSHOT,
  changeSetInput,
  DESCRIBE_CHANGE_SET,
  GET_SNAPSHOT,
  START_CHANGE_SET,
  snapshotInput,
} from '../support/operations.js';
import { FAST_RETRIES } from '../support/stack.js';

/**
 * The differential test of the one pipeline (src/graphql/pipeline.ts): for arbitrary requests its
 * gate admits, the fast case (the hosts straight into yoga's `handle`) and the general case (hono's
 * middleware, then yoga's fetch handler) answer alike: status, the headers that matter, the body
 * (request ids aside), and the outcomes recorded as metrics. On Lambda (events into the handler's
 * fast lane and into hono's adapter) and locally (the server over HTTP and the app's fetch).
 */

const SCOPES = [
  'partnercentral/snapshots.write',
  'partnercentral/snapshots.read',
  'marketplace/changesets.write',
  'marketplace/changesets.read',
];
const HEADERS_THAT_MATTER = [
  'content-type',
  'x-request-id',
  'allow',
  'www-authenticate',
  'retry-after',
  'vary',
  'access-control-expose-headers',
];
const ACCEPTS = [
  undefined,
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json',
  'application/json, application/graphql-response+json',
];
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];

// Near-valid variables mixed with noise; mutations carry a fresh idempotency token, so the second
// path replays the first one's answer.
const token = fc.uuid();
const noise = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.boolean());
const snapshotVars = fc.record({
  input: fc.oneof(
    token.map((clientToken) => snapshotInput({ clientToken })),
    fc
      .tuple(token, noise)
      .map(([clientToken, bad]) => snapshotInput({ clientToken, resourceIdentifier: bad })),
    fc.tuple(token, noise).map(([clientToken, bad]) => snapshotInput({ clientToken, catalog: bad })),
    noise,
  ),
});
const changeSetVars = fc.record({
  input: fc.oneof(
    token.map((clientRequestToken) => changeSetInput({ clientRequestToken })),
    fc
      .tuple(token, noise)
      .map(([clientRequestToken, bad]) => changeSetInput({ clientRequestToken, changeSet: bad })),
    fc.constant(changeSetInput({ changeSet: [], clientRequestToken: '' })),
  ),
});
const documents = fc.oneof(
  fc.tuple(fc.constant(CREATE_SNAPSHOT), snapshotVars),
  fc.tuple(fc.constant(START_CHANGE_SET), changeSetVars),
  fc.tuple(fc.constant(GET_SNAPSHOT), fc.record({ input: fc.constant(snapshotInput()) })),
  fc.tuple(fc.constant(DESCRIBE_CHANGE_SET), fc.record({ id: fc.oneof(fc.constant('ch-nope'), noise) })),
  fc.tuple(
    fc.constantFrom('{ __typename }', 'mutation {', '{ nope }', 'subscription { x }', ''),
    fc.constant({}),
  ),
  fc.tuple(
    fc.constant(
      `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: changeSet(changeSetId: "x") { status }`).join(' ')} }`,
    ),
    fc.constant({}),
  ),
);
const bodies = fc.oneof(
  { weight: 6, arbitrary: documents.map(([query, variables]) => JSON.stringify({ query, variables })) },
  documents.map(([query]) => JSON.stringify({ query, operationName: 'Nope' })),
  documents.map(([query, variables]) => JSON.stringify({ query, variables, extra: 1 })),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"query": 1}', '{"query": "{ __typename }", "variables": []}'),
  // An empty body is the general case's alone (the gate wants a length).
  fc.string({ minLength: 1, maxLength: 40 }),
);
const requests = fc.record({
  body: bodies,
  accept: fc.constantFrom(...ACCEPTS),
  contentType: fc.constantFrom(...CONTENT_TYPES),
  scopes: fc.subarray(SCOPES),
});
type Req = typeof requests extends fc.Arbitrary<infer T> ? T : never;

const normalizedBody = (body: string) => body.replace(/"requestId":"[^"]*"/g, '"requestId":"*"');
const picked = (headers: Record<string, unknown>) =>
  Object.fromEntries(HEADERS_THAT_MATTER.filter((h) => headers[h] !== undefined).map((h) => [h, headers[h]]));

describe('fast case and general case answer alike', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, changeSetDurationMs: 60_000 });
  });
  afterAll(() => emulator.close());

  const clientsFor = (config: ReturnType<typeof readConfig>) =>
    createAwsClients(config.aws, {
      endpoint: emulator.url,
      credentials: EMULATOR_CREDENTIALS,
      ...FAST_RETRIES,
    });

  it('on Lambda: the handler fast lane and hono adapter', async () => {
    const config = readConfig('lambda', { LOG_LEVEL: 'SILENT', AUTH_MODE: 'jwt' });
    const outcomes: string[] = [];
    const metrics = { record: (op: string, out: string) => outcomes.push(`${op}:${out}`) };
    const built = createAppHandler({
      config,
      clients: clientsFor(config),
      logger: createLogger(config),
      metrics: metrics as unknown as OperationMetrics,
    });
    const general = handle(await built.app());
    const eventOf = (r: Req) =>
      v2Event({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': r.contentType, ...(r.accept === undefined ? {} : { accept: r.accept }) },
        sampleHeaders: false,
        claims: { sub: 'user-1', scope: r.scopes.join(' ') },
        body: r.body,
      }) as LambdaEvent;

    await fc.assert(
      fc.asyncProperty(requests, async (r) => {
        const event = eventOf(r);
        outcomes.length = 0;
        const fast = await built.fastPath(structuredClone(event));
        expect(fast, 'the gate admits every generated request').toBeDefined();
        const fastOutcomes = outcomes.splice(0);
        const slow = (await general(structuredClone(event), lambdaContext())) as APIGatewayProxyResult;
        const a = fast as APIGatewayProxyResult;
        expect(a.statusCode).toBe(slow.statusCode);
        expect(picked(a.headers ?? {})).toEqual(picked(slow.headers ?? {}));
        expect(normalizedBody(a.body)).toBe(normalizedBody(slow.body));
        expect(fastOutcomes).toEqual(outcomes);
      }),
      { numRuns: 80 },
    );
  });

  it('locally: the server over HTTP (fast lane) and the app behind its middleware', async () => {
    const config = readConfig('local', { LOG_LEVEL: 'SILENT' });
    const { app, graphql } = createApp({ config, clients: clientsFor(config), logger: createLogger(config) });
    const server = createLocalServer({ app, graphql, config });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      await fc.assert(
        fc.asyncProperty(requests, async (r) => {
          const headers: Record<string, string> = {
            'content-type': r.contentType,
            'x-request-id': 'differential-1',
          };
          if (r.accept !== undefined) headers.accept = r.accept;
          const fast = await fetch(url, { method: 'POST', headers, body: r.body });
          const slow = await app.fetch(new Request(url, { method: 'POST', headers, body: r.body }));
          expect(fast.status).toBe(slow.status);
          const h = (res: Response) => Object.fromEntries(res.headers);
          expect(picked(h(fast))).toEqual(picked(h(slow)));
          expect(normalizedBody(await fast.text())).toBe(normalizedBody(await slow.text()));
        }),
        { numRuns: 60 },
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
