import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, GET_SNAPSHOT, SEED, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createResourceSnapshot and resourceSnapshot, through HTTP, the SDK and the emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it("reads back the engagement's target member accounts, AWS's millisecond time, and a cache key per revision", async () => {
    await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    const latest = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput() });
    const first = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput({ revision: 1 }) });
    const snapshot = latest.body.data?.resourceSnapshot;
    expect(snapshot.targetMemberAccounts).toEqual(['111122223333', '444455556666']);
    expect(snapshot.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(snapshot.id).toBe(`${snapshot.arn}#2`);
    expect(first.body.data?.resourceSnapshot.id).not.toBe(snapshot.id);
  });

  it('creates revisions that count up, and generates and returns a UUID client token', async () => {
    const first = await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const created = first.body.data?.createResourceSnapshot;
    expect(created.revision).toBe(1);
    expect(created.arn).toMatch(/^arn:aws:partnercentral:/);
    expect(created.clientToken).toMatch(UUID_V4);

    const second = await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    expect(second.body.data?.createResourceSnapshot.revision).toBe(2);
    expect(second.body.data?.createResourceSnapshot.clientToken).not.toBe(created.clientToken);
  });

  it('replays an idempotent request: same token and input give the same snapshot and create nothing', async () => {
    const input = snapshotInput({ clientToken: 'my-token-0001' });
    const a = await gql(stack.url, CREATE_SNAPSHOT, { input });
    const b = await gql(stack.url, CREATE_SNAPSHOT, { input });
    expect(b.body.data?.createResourceSnapshot).toEqual(a.body.data?.createResourceSnapshot);
    expect(a.body.data?.createResourceSnapshot.clientToken).toBe('my-token-0001');
    expect(stack.emulator.stats().created.snapshots).toBe(1);
  });

  it('refuses the same token with a different input as CONFLICT', async () => {
    await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput({ clientToken: 'token-x' }) });
    const res = await gql(stack.url, CREATE_SNAPSHOT, {
      input: snapshotInput({
        clientToken: 'token-x',
        resourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView',
      }),
    });
    const error = res.body.errors?.[0];
    expect(res.body.data).toEqual({ createResourceSnapshot: null });
    expect(error?.path).toEqual(['createResourceSnapshot']);
    expect(error?.extensions).toMatchObject({
      code: 'CONFLICT',
      retryable: false,
      aws: {
        service: 'partnercentral-selling',
        operation: 'CreateResourceSnapshot',
        errorName: 'ConflictException',
        httpStatusCode: 409,
      },
    });
    expect(error?.extensions?.aws?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.extensions?.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('reads back the latest revision and a given one, with the payload', async () => {
    await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    await gql(stack.url, CREATE_SNAPSHOT, { input: snapshotInput() });
    const latest = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput() });
    expect(latest.body.errors).toBeUndefined();
    expect(latest.body.data?.resourceSnapshot).toMatchObject({
      revision: 2,
      catalog: 'SANDBOX',
      engagementIdentifier: SEED.engagement,
      resourceType: 'OPPORTUNITY',
      resourceIdentifier: SEED.opportunity,
      resourceSnapshotTemplateIdentifier: SEED.template,
      createdBy: expect.stringMatching(/^\d{12}$/),
    });
    expect(new Date(latest.body.data?.resourceSnapshot.createdAt).getTime()).not.toBeNaN();
    expect(latest.body.data?.resourceSnapshot.payload).toHaveProperty('OpportunitySummary');

    const first = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput({ revision: 1 }) });
    expect(first.body.data?.resourceSnapshot.revision).toBe(1);
  });

  it('translates ResourceNotFoundException for an unknown engagement, opportunity or revision', async () => {
    const unknownEngagement = await gql(stack.url, CREATE_SNAPSHOT, {
      input: snapshotInput({ engagementIdentifier: 'eng-zzzzzzzzzzzzzz' }),
    });
    expect(unknownEngagement.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      aws: { errorName: 'ResourceNotFoundException', httpStatusCode: 404 },
    });
    const unknownOpportunity = await gql(stack.url, CREATE_SNAPSHOT, {
      input: snapshotInput({ resourceIdentifier: 'O999' }),
    });
    expect(unknownOpportunity.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const noRevision = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput({ revision: 99 }) });
    expect(noRevision.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      aws: { operation: 'GetResourceSnapshot' },
    });
  });

  it("maps AWS's ValidationException for an unknown template onto the input path", async () => {
    const res = await gql(stack.url, CREATE_SNAPSHOT, {
      input: snapshotInput({ resourceSnapshotTemplateIdentifier: 'NoSuchTemplate' }),
    });
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      aws: { errorName: 'ValidationException', httpStatusCode: 400 },
    });
    expect(error?.extensions?.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'input.resourceSnapshotTemplateIdentifier',
        awsField: 'ResourceSnapshotTemplateIdentifier',
      }),
    ]);
  });

  it('answers SERVICE_QUOTA_EXCEEDED when the revisions of a resource hit the quota', async () => {
    const small = await startStack({ emulator: { maxSnapshotsPerResource: 1 } });
    try {
      await gql(small.url, CREATE_SNAPSHOT, { input: snapshotInput() });
      const res = await gql(small.url, CREATE_SNAPSHOT, { input: snapshotInput() });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({
        code: 'SERVICE_QUOTA_EXCEEDED',
        retryable: false,
        aws: { errorName: 'ServiceQuotaExceededException', httpStatusCode: 402 },
      });
    } finally {
      await small.close();
    }
  });
});
