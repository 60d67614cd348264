import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { CANCEL_CHANGE_SET, DESCRIBE_ENTITY, LIST_CHANGE_SETS } from '../support/lifecycle-operations.js';
import { type Stack, startStack } from '../support/stack.js';

/**
 * A Marketplace Catalog on loopback that answers 200 with bodies missing or mistyping members the
 * public shape needs: the facade must answer UPSTREAM_ERROR, not a half-empty success or a 500.
 */
const MALFORMED: Record<string, unknown> = {
  '/CancelChangeSet': { ChangeSetArn: 'arn:aws:aws-marketplace:us-east-1:1:AWSMarketplace/ChangeSet/x' },
  '/ListChangeSets': { ChangeSetSummaryList: [{ ChangeSetId: 'abc', EntityIdList: 'prod-1' }] },
  '/DescribeEntity': {
    EntityIdentifier: 'prod-1@1',
    EntityType: 'SaaSProduct@1.0',
    EntityArn: 'arn:aws:aws-marketplace:us-east-1:1:AWSMarketplace/SaaSProduct/prod-1',
    LastModifiedDate: 'yesterday',
  },
};

// Well-formed, with enum values AWS may add later.
const LATER: Record<string, unknown> = {
  '/ListChangeSets': {
    ChangeSetSummaryList: [
      {
        ChangeSetId: 'abc',
        ChangeSetArn: 'arn:aws:aws-marketplace:us-east-1:1:AWSMarketplace/ChangeSet/abc',
        Status: 'ARCHIVED',
        StartTime: '2026-11-04T10:00:00.123456Z',
        FailureCode: 'QUOTA_FAULT',
      },
    ],
  },
  '/DescribeChangeSet': {
    ChangeSetId: 'abc',
    ChangeSetArn: 'arn:aws:aws-marketplace:us-east-1:1:AWSMarketplace/ChangeSet/abc',
    Status: 'ARCHIVED',
    Intent: 'SIMULATE',
    StartTime: '2026-11-04T10:00:00Z',
    ChangeSet: [],
  },
};
let answers = MALFORMED;
// The request bodies the facade sent, in order.
const sent: string[] = [];

describe('malformed AWS answers to the new operations', () => {
  let upstream: Server;
  let stack: Stack;
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const body = answers[new URL(req.url ?? '/', 'http://x').pathname] ?? {};
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        sent.push(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-malformed' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    stack = await startStack({ clients: { endpoint } });
  });
  afterAll(async () => {
    await stack.close();
    await new Promise<void>((resolve) => upstream.close(() => resolve()));
  });

  it.each([
    ['cancelChangeSet', CANCEL_CHANGE_SET, { input: { changeSetId: 'abc' } }, 'ChangeSetId'],
    ['changeSets', LIST_CHANGE_SETS, {}, 'ChangeSetSummaryList[0].EntityIdList'],
    ['entity', DESCRIBE_ENTITY, { input: { entityId: 'prod-1' } }, 'LastModifiedDate'],
  ] as const)('%s: UPSTREAM_ERROR naming %s', async (field, query, variables, member) => {
    answers = MALFORMED;
    const res = await gql(stack.url, query, variables);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ [field]: null });
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining(member),
      extensions: {
        code: 'UPSTREAM_ERROR',
        retryable: false,
        requestId: expect.any(String),
        aws: {
          service: 'marketplace-catalog',
          errorName: null,
          httpStatusCode: 200,
          requestId: 'req-malformed',
        },
      },
    });
  });

  const ENTITY_ARN = 'arn:aws:aws-marketplace:us-east-1:1:AWSMarketplace/SaaSProduct/prod-1';
  it.each([
    ['changeSets', '{}', LIST_CHANGE_SETS, {}, '/ListChangeSets', {}, 'ChangeSetSummaryList'],
    [
      'entity',
      '{}',
      DESCRIBE_ENTITY,
      { input: { entityId: 'prod-1' } },
      '/DescribeEntity',
      {},
      'EntityIdentifier',
    ],
    [
      'entity',
      'a longer id with the asked one as prefix',
      DESCRIBE_ENTITY,
      { input: { entityId: 'prod-1' } },
      '/DescribeEntity',
      { EntityIdentifier: 'prod-12@3', EntityType: 'SaaSProduct@1.0', EntityArn: ENTITY_ARN },
      'EntityIdentifier',
    ],
    [
      'entity',
      'another entity',
      DESCRIBE_ENTITY,
      { input: { entityId: 'prod-1' } },
      '/DescribeEntity',
      { EntityIdentifier: 'offer-9@1', EntityType: 'Offer@1.0', EntityArn: ENTITY_ARN },
      'EntityIdentifier',
    ],
  ] as const)(
    '%s answered with %s: UPSTREAM_ERROR, never a success',
    async (field, _what, query, variables, path, body, member) => {
      answers = { [path]: body };
      const res = await gql(stack.url, query, variables);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ [field]: null });
      expect(res.body.errors?.[0]).toMatchObject({
        message: expect.stringContaining(member),
        extensions: {
          code: 'UPSTREAM_ERROR',
          retryable: false,
          aws: { httpStatusCode: 200, requestId: 'req-malformed' },
        },
      });
    },
  );

  it('REST: 200 {} to ListChangeSets or DescribeEntity, or another entity, is 502 UPSTREAM_ERROR', async () => {
    for (const [path, body, url] of [
      ['/ListChangeSets', {}, '/rest/change-sets'],
      ['/DescribeEntity', {}, '/rest/entities/prod-1'],
      [
        '/DescribeEntity',
        { EntityIdentifier: 'prod-2@1', EntityType: 'SaaSProduct@1.0', EntityArn: ENTITY_ARN },
        '/rest/entities/prod-1',
      ],
    ] as const) {
      answers = { [path]: body };
      const res = await fetch(`${stack.url}${url}`);
      expect(res.status, url).toBe(502);
      const json = await res.json();
      expect(json.error).toMatchObject({
        code: 'UPSTREAM_ERROR',
        retryable: false,
        aws: { httpStatusCode: 200, requestId: 'req-malformed' },
      });
      expect(json.items).toBeUndefined();
      expect(json.entityId).toBeUndefined();
    }
  });

  it('a well-formed DescribeEntity answer about the entity asked for (id@revision) is its success', async () => {
    answers = {
      '/DescribeEntity': {
        EntityIdentifier: 'prod-1@7',
        EntityType: 'SaaSProduct@1.0',
        EntityArn: ENTITY_ARN,
      },
    };
    const res = await gql(stack.url, DESCRIBE_ENTITY, { input: { entityId: 'prod-1' } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.entity).toMatchObject({
      entityId: 'prod-1',
      entityType: 'SaaSProduct@1.0',
      entityArn: ENTITY_ARN,
    });
  });

  it('sends list time filters in UTC as AWS writes them, with milliseconds only when given', async () => {
    answers = { '/ListChangeSets': { ChangeSetSummaryList: [] } };
    const times = {
      startedAfter: '2026-11-04T10:00:00Z',
      startedBefore: '2026-11-04T10:00:00.000Z',
      endedAfter: '2026-11-04T12:00:00.5+01:00',
      endedBefore: '2026-11-04T10:00:00.123456Z',
    };
    const wire = {
      StartTime: ['2026-11-04T10:00:00Z', '2026-11-04T10:00:00Z'],
      EndTime: ['2026-11-04T11:00:00.500Z', '2026-11-04T10:00:00.123Z'],
    };
    const valuesOf = (body: string | undefined) =>
      (JSON.parse(body ?? '{}').FilterList as Array<{ Name: string; ValueList: string[] }>).map((f) => [
        f.Name,
        f.ValueList[0],
      ]);
    const expected = [
      ['AfterStartTime', wire.StartTime[0]],
      ['BeforeStartTime', wire.StartTime[1]],
      ['AfterEndTime', wire.EndTime[0]],
      ['BeforeEndTime', wire.EndTime[1]],
    ];
    const res = await gql(stack.url, LIST_CHANGE_SETS, { input: times });
    expect(res.body.errors).toBeUndefined();
    expect(valuesOf(sent.at(-1))).toEqual(expected);
    const rest = await fetch(`${stack.url}/rest/change-sets?${new URLSearchParams(times)}`);
    expect(rest.status).toBe(200);
    expect(valuesOf(sent.at(-1))).toEqual(expected);
  });

  it('enum values AWS adds later pass through, not turned into null; times keep their digits', async () => {
    answers = LATER;
    const list = await gql(stack.url, LIST_CHANGE_SETS);
    expect(list.body.errors).toBeUndefined();
    expect(list.body.data?.changeSets.items[0]).toMatchObject({
      status: 'ARCHIVED',
      failureCode: 'QUOTA_FAULT',
      startTime: '2026-11-04T10:00:00.123456Z',
    });
    const one = await gql(stack.url, 'query { changeSet(changeSetId: "abc") { status intent } }');
    expect(one.body).toEqual({ data: { changeSet: { status: 'ARCHIVED', intent: 'SIMULATE' } } });
  });
});
