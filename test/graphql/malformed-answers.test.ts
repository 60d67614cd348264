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
  '/DescribeEntity': { EntityType: 'SaaSProduct@1.0', LastModifiedDate: 'yesterday' },
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

describe('malformed AWS answers to the new operations', () => {
  let upstream: Server;
  let stack: Stack;
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      const body = answers[new URL(req.url ?? '/', 'http://x').pathname] ?? {};
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'req-malformed' });
      res.end(JSON.stringify(body));
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
