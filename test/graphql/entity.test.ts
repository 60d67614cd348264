import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { DESCRIBE_ENTITY } from '../support/lifecycle-operations.js';
import { OpenApiClient } from '../support/openapi-client.js';
import { type Stack, startStack } from '../support/stack.js';

describe('entity (DescribeEntity) through GraphQL and REST, the SDK and the emulator', () => {
  let stack: Stack;
  let api: OpenApiClient;
  beforeAll(async () => {
    stack = await startStack();
    api = await OpenApiClient.load(stack.url);
  });
  afterAll(() => stack.close());
  beforeEach(() => stack.emulator.reset());

  it('describes the seeded product as the seeded SUCCEEDED change set left it', async () => {
    const res = await gql(stack.url, DESCRIBE_ENTITY, { input: { entityId: 'prod-example00001' } });
    expect(res.body.errors).toBeUndefined();
    const entity = res.body.data?.entity;
    expect(entity).toMatchObject({
      entityId: 'prod-example00001',
      entityType: 'SaaSProduct@1.0',
      entityArn:
        'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-example00001',
      lastModifiedDate: '2026-11-02T09:04:31Z',
    });
    expect(entity.detailsDocument.Description.ProductTitle).toBe('Example SaaS product');
    expect(JSON.parse(entity.details)).toEqual(entity.detailsDocument);

    const rest = await api.call('entity', { path: { entityId: 'prod-example00001' } });
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(entity);
  });

  it('an unknown entity is NOT_FOUND (REST 404)', async () => {
    const res = await gql(stack.url, DESCRIBE_ENTITY, { input: { entityId: 'prod-nope' } });
    expect(res.body.data).toEqual({ entity: null });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      retryable: false,
      requestId: expect.any(String),
      aws: { operation: 'DescribeEntity', errorName: 'ResourceNotFoundException', httpStatusCode: 404 },
    });
    const rest = await api.call('entity', { path: { entityId: 'prod-nope' } });
    expect(rest.status).toBe(404);
    expect(rest.body.error).toMatchObject({ code: 'NOT_FOUND', aws: { operation: 'DescribeEntity' } });
  });

  it('validates catalog and entityId before any AWS call', async () => {
    const res = await gql(stack.url, DESCRIBE_ENTITY, {
      input: { catalog: 'Marketplace', entityId: 'prod-example00001@2' },
    });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      retryable: false,
      fieldErrors: [
        { path: 'input.catalog', code: 'INVALID_ENUM_VALUE' },
        { path: 'input.entityId', code: 'INVALID_STRING_FORMAT', message: 'must match ^[\\w-]+$' },
      ],
    });
    const long = await api.call('entity', {
      path: { entityId: 'p'.repeat(256) },
      query: { catalog: 'X', y: '1' },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.fieldErrors.map((e: { path: string }) => e.path)).toEqual([
      'catalog',
      'entityId',
      'y',
    ]);
    expect(stack.emulator.stats().requests).toEqual({});
  });
});
