import { type APIGatewayProxyResult, handle, type LambdaEvent } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createAppHandler } from '../../src/lambda/app-handler.js';
import { createLogger } from '../../src/logging/logger.js';
import { lambdaContext, v2Event } from '../support/apigw-events.js';
import { CREATE_SNAPSHOT, changeSetInput, START_CHANGE_SET, snapshotInput } from '../support/operations.js';
import { FAST_RETRIES } from '../support/stack.js';

/**
 * The GraphQL pipeline's fast case on Lambda must answer exactly as the full hono + yoga path does:
 * the same status, content type and body (request ids aside), for successes and every kind of error.
 */
describe('the Lambda GraphQL fast path', () => {
  let emulator: RunningEmulator;
  let built: ReturnType<typeof createAppHandler>;
  let full: ReturnType<typeof handle>;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, changeSetDurationMs: 60_000 });
    const config = readConfig('lambda', { LOG_LEVEL: 'SILENT', AUTH_MODE: 'jwt' });
    const clients = createAwsClients(config.aws, {
      endpoint: emulator.url,
      credentials: EMULATOR_CREDENTIALS,
      ...FAST_RETRIES,
    });
    built = createAppHandler({ config, clients, logger: createLogger(config) });
    full = handle(await built.app());
  });
  afterAll(() => emulator.close());

  const post = (
    query: string,
    variables: unknown,
    extra: Parameters<typeof v2Event>[0] = { method: 'POST', path: '/graphql' },
  ) =>
    v2Event({
      ...extra,
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json',
        ...extra.headers,
      },
      body: JSON.stringify({ query, variables }),
    }) as LambdaEvent;

  // Request ids differ per event; everything else must not.
  const normalized = (r: APIGatewayProxyResult) => ({
    statusCode: r.statusCode,
    contentType: r.headers?.['content-type'],
    body: JSON.parse(r.body.replace(/"requestId":"[^"]*"/g, '"requestId":"*"')),
  });

  async function compare(event: LambdaEvent) {
    const fast = await built.fastPath(event);
    expect(fast, 'the fast path should take this request').toBeDefined();
    const slow = (await full(structuredClone(event), lambdaContext())) as APIGatewayProxyResult;
    expect(normalized(fast as APIGatewayProxyResult)).toEqual(normalized(slow));
    expect(fast?.headers?.['x-request-id']).toBe(
      (event as { requestContext: { requestId: string } }).requestContext.requestId,
    );
    return normalized(fast as APIGatewayProxyResult);
  }

  it('success (an idempotent replay, so both paths see the same snapshot)', async () => {
    const out = await compare(
      post(CREATE_SNAPSHOT, { input: snapshotInput({ clientToken: 'fast-path-1' }) }),
    );
    expect(out.statusCode).toBe(200);
    expect(out.body.data.createResourceSnapshot.revision).toBe(1);
  });

  it('local validation errors', async () => {
    const out = await compare(
      post(START_CHANGE_SET, { input: changeSetInput({ changeSet: [], clientRequestToken: '' }) }),
    );
    expect(out.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(out.body.errors[0].extensions).not.toHaveProperty('http');
  });

  it('AWS errors', async () => {
    const out = await compare(
      post(CREATE_SNAPSHOT, {
        input: snapshotInput({ engagementIdentifier: 'eng-00000000000000', clientToken: 'x' }),
      }),
    );
    expect(out.body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('a missing scope stops before execution, alike on both: 403, nothing sent to AWS', async () => {
    const before = emulator.stats().requests.StartChangeSet ?? 0;
    const claims = { sub: 'u', scope: 'partnercentral/snapshots.read' };
    const event = post(
      START_CHANGE_SET,
      { input: changeSetInput() },
      { method: 'POST', path: '/graphql', claims },
    );
    const out = await compare(event);
    expect(out.statusCode).toBe(403);
    expect(out.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(emulator.stats().requests.StartChangeSet ?? 0).toBe(before);
  });

  it('parse errors, limits and input that does not coerce: the same answers as the full path', async () => {
    const ok = { input: snapshotInput() };
    const limits = `{ ${Array.from({ length: 6 }, (_, i) => `a${i}: changeSet(changeSetId: "x") { status }`).join(' ')} }`;
    for (const event of [
      post('mutation {', ok),
      post(limits, {}),
      post(CREATE_SNAPSHOT, { input: { catalog: 'Sandbox' } }),
      { ...post(CREATE_SNAPSHOT, ok), body: '{"query": ' } as LambdaEvent,
      { ...post(CREATE_SNAPSHOT, ok), body: '[]' } as LambdaEvent,
    ]) {
      const out = await compare(event);
      expect(out.body.errors?.[0]?.extensions?.code).toBeDefined();
    }
  });

  it('application/json clients get application/json', async () => {
    const out = await compare(
      post(
        CREATE_SNAPSHOT,
        { input: snapshotInput({ clientToken: 'fast-path-1' }) },
        { method: 'POST', path: '/graphql', headers: { accept: 'application/json' } },
      ),
    );
    expect(out.contentType).toContain('application/json');
  });

  it('leaves browsers, other media types and unauthenticated requests to the full path', async () => {
    const ok = { input: snapshotInput() };
    const route = { method: 'POST', path: '/graphql' };
    for (const event of [
      post(CREATE_SNAPSHOT, ok, { ...route, headers: { origin: 'https://example.com' } }),
      post(CREATE_SNAPSHOT, ok, { ...route, headers: { 'content-type': 'text/plain' } }),
      post(CREATE_SNAPSHOT, ok, { ...route, headers: { accept: 'text/html' } }),
      post(CREATE_SNAPSHOT, ok, { ...route, claims: null }),
      post(CREATE_SNAPSHOT, ok, { ...route, headers: { 'sec-fetch-site': 'same-origin' } }),
    ]) {
      expect(await built.fastPath(event)).toBeUndefined();
    }
  });
});
