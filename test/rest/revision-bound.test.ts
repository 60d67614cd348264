import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { GET_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';
import { snapshotKey } from './snapshot-key.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const sentToAws = () => stack.emulator.stats().requests.GetResourceSnapshot ?? 0;

describe('REST revision: bounded as GraphQL Int is', () => {
  it.each(['2147483648', '99999999999999999999', '9007199254740993'])(
    'revision %s is 400 VALUE_OUT_OF_RANGE via GET and HEAD, and nothing reaches AWS',
    async (revision) => {
      const before = sentToAws();
      const url = `${stack.url}/rest/resource-snapshots?${new URLSearchParams(snapshotKey({ revision }))}`;
      const get = await fetch(url);
      expect(get.status).toBe(400);
      const body = await get.json();
      expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false });
      expect(body.error.fieldErrors).toEqual([
        { path: 'revision', message: 'must be at most 2147483647', code: 'VALUE_OUT_OF_RANGE' },
      ]);
      const head = await fetch(url, { method: 'HEAD' });
      expect(head.status).toBe(400);
      expect(sentToAws()).toBe(before);
    },
  );

  it('GraphQL refuses the same value, and the largest Int is forwarded by both', async () => {
    const res = await gql(stack.url, GET_SNAPSHOT, { input: snapshotInput({ revision: 2 ** 31 }) });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const before = sentToAws();
    const rest = await fetch(
      `${stack.url}/rest/resource-snapshots?${new URLSearchParams(snapshotKey({ revision: '2147483647' }))}`,
    );
    // The emulator has no such revision: AWS's answer, so the request was forwarded.
    expect(rest.status).toBe(404);
    expect(sentToAws()).toBe(before + 1);
  });
});
