import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { OpenApiClient } from '../support/openapi-client.js';
import { GET_SNAPSHOT, SEED, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { snapshotKey } from './snapshot-key.js';

describe('REST resource snapshots, through HTTP, the SDK and the emulator', () => {
  let stack: Stack;
  let api: OpenApiClient;
  beforeAll(async () => {
    stack = await startStack({ emulator: { maxSnapshotsPerResource: 2 } });
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it('POST creates a snapshot: 201, the payload with a generated token, and a Location that reads it back', async () => {
    const res = await api.call('createResourceSnapshot', { body: snapshotInput() });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      arn: expect.stringMatching(/^arn:aws:partnercentral:.*\/OpportunitySummary\/1$/),
      revision: 1,
      clientToken: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(res.headers.get('x-request-id')).toBeTruthy();

    const location = new URL(res.headers.get('location') ?? '', res.url);
    expect(location.pathname).toBe('/rest/resource-snapshots');
    const read = await api.call('resourceSnapshot', { query: Object.fromEntries(location.searchParams) });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      arn: res.body.arn,
      revision: 1,
      catalog: 'SANDBOX',
      engagementIdentifier: SEED.engagement,
      resourceType: 'OPPORTUNITY',
      resourceIdentifier: SEED.opportunity,
      resourceSnapshotTemplateIdentifier: SEED.template,
      createdBy: expect.stringMatching(/^\d{12}$/),
      payload: { OpportunitySummary: expect.any(Object) },
    });
    expect(new Date(read.body.createdAt).toISOString()).toBe(read.body.createdAt);
  });

  it('answers exactly what GraphQL answers for the same snapshot', async () => {
    await api.call('createResourceSnapshot', { body: snapshotInput() });
    const rest = await api.call('resourceSnapshot', { query: snapshotKey() });
    const graphql = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput() });
    expect(rest.body).toEqual(graphql.body.data?.resourceSnapshot);
  });

  it('GET reads the latest revision by default, and the one given (revision coerced from the query)', async () => {
    await api.call('createResourceSnapshot', { body: snapshotInput() });
    await api.call('createResourceSnapshot', { body: snapshotInput() });
    expect((await api.call('resourceSnapshot', { query: snapshotKey() })).body.revision).toBe(2);
    expect(
      (await api.call('resourceSnapshot', { query: snapshotKey({ revision: '1' }) })).body.revision,
    ).toBe(1);
    const missing = await api.call('resourceSnapshot', { query: snapshotKey({ revision: '3' }) });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'NOT_FOUND',
      aws: { operation: 'GetResourceSnapshot' },
    });
  });

  it('takes Idempotency-Key as the token when the body has none: a replay answers the original, creates nothing', async () => {
    const headers = { 'Idempotency-Key': 'rest-key-0001' };
    const a = await api.call('createResourceSnapshot', { body: snapshotInput(), headers });
    const b = await api.call('createResourceSnapshot', { body: snapshotInput(), headers });
    expect(a.status).toBe(201);
    expect(a.body.clientToken).toBe('rest-key-0001');
    expect(b.body).toEqual(a.body);
    expect(stack.emulator.stats().created.snapshots).toBe(1);
    expect(stack.emulator.stats().tokens['rest-key-0001']).toBe(1);

    const same = await api.call('createResourceSnapshot', {
      body: snapshotInput({ clientToken: 'rest-key-0001' }),
      headers,
    });
    expect(same.body).toEqual(a.body);
  });

  it('CONFLICT (409) for a token reused with another input', async () => {
    await api.call('createResourceSnapshot', { body: snapshotInput({ clientToken: 'token-x' }) });
    const res = await api.call('createResourceSnapshot', {
      body: snapshotInput({
        clientToken: 'token-x',
        resourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView',
      }),
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'CONFLICT',
      retryable: false,
      aws: {
        service: 'partnercentral-selling',
        operation: 'CreateResourceSnapshot',
        errorName: 'ConflictException',
        httpStatusCode: 409,
      },
      requestId: res.headers.get('x-request-id'),
    });
  });

  it('NOT_FOUND (404) for an unknown engagement', async () => {
    const res = await api.call('createResourceSnapshot', {
      body: snapshotInput({ engagementIdentifier: 'eng-zzzzzzzzzzzzzz' }),
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'NOT_FOUND',
      aws: { errorName: 'ResourceNotFoundException', httpStatusCode: 404 },
    });
  });

  it("places AWS's field errors relative to the body (400)", async () => {
    const res = await api.call('createResourceSnapshot', {
      body: snapshotInput({ resourceSnapshotTemplateIdentifier: 'NoSuchTemplate' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_USER_INPUT',
      aws: { errorName: 'ValidationException' },
      fieldErrors: [
        expect.objectContaining({
          path: 'resourceSnapshotTemplateIdentifier',
          awsField: 'ResourceSnapshotTemplateIdentifier',
        }),
      ],
    });
  });

  it('SERVICE_QUOTA_EXCEEDED (402) past the revisions a resource may have', async () => {
    await api.call('createResourceSnapshot', { body: snapshotInput() });
    await api.call('createResourceSnapshot', { body: snapshotInput() });
    const res = await api.call('createResourceSnapshot', { body: snapshotInput() });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({
      code: 'SERVICE_QUOTA_EXCEEDED',
      retryable: false,
      aws: { errorName: 'ServiceQuotaExceededException', httpStatusCode: 402 },
    });
  });
});
