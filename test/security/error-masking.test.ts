import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import type { FaultOptions } from '../../src/emulator/index.js';
import { type GraphQLResponse, gql } from '../support/graphql-client.js';
import {
  CREATE_SNAPSHOT,
  changeSetInput,
  DESCRIBE_CHANGE_SET,
  GET_SNAPSHOT,
  START_CHANGE_SET,
  snapshotInput,
} from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

const OPERATIONS: Array<[string, string, Record<string, unknown>]> = [
  ['createResourceSnapshot', CREATE_SNAPSHOT, { input: snapshotInput() }],
  ['startChangeSet', START_CHANGE_SET, { input: changeSetInput() }],
  ['resourceSnapshot', GET_SNAPSHOT, { input: snapshotInput() }],
  ['changeSet', DESCRIBE_CHANGE_SET, { id: 'ch-0123456789abcdefghijklmno' }],
];

const FAULTS: Array<[string, Partial<FaultOptions>]> = [
  ['throttling', { throttleRate: 1 }],
  ['5xx', { serverErrorRate: 1 }],
  ['HTML from a broken proxy', { malformedRate: 1 }],
  ['reset connections', { resetRate: 1 }],
  ['access denied', { accessDenied: true }],
];

/** Nothing internal in a response: no stack, path, SDK internals, upstream body, credential, address. */
function expectMasked(res: GraphQLResponse, emulatorUrl: string) {
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(
    /\n\s+at |\\n\s+at |node_modules|\/work\/|\.ts:\d+|\$metadata|\$response|<html|ECONN|stack/i,
  );
  expect(text).not.toContain(EMULATOR_CREDENTIALS.accessKeyId);
  expect(text).not.toContain(EMULATOR_CREDENTIALS.secretAccessKey);
  expect(text).not.toContain(new URL(emulatorUrl).host);
  expect(res.body.errors?.length).toBeGreaterThan(0);
  for (const e of res.body.errors ?? []) {
    expect(e.extensions?.requestId).toBe(res.headers.get('x-request-id'));
    expect(e.extensions?.code).toMatch(/^[A-Z_]+$/);
  }
}

describe('error masking is total', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  for (const [fault, options] of FAULTS) {
    it(`${fault}: every operation answers with a code and the request id, nothing internal`, async () => {
      stack.emulator.setFaults({ ...options, seed: 1 });
      try {
        for (const [, query, variables] of OPERATIONS)
          expectMasked(await gql(stack.url, query, variables), stack.emulator.url);
      } finally {
        stack.emulator.setFaults({});
      }
    });
  }

  it('a server without usable AWS credentials: INTERNAL_SERVER_ERROR, the reason only in the logs', async () => {
    const broken = await startStack({
      clients: {
        credentials: async () => {
          throw new Error('Could not load credentials from /home/app/.aws/credentials: secret AKIASECRET');
        },
      },
    });
    try {
      const res = await gql(broken.url, CREATE_SNAPSHOT, { input: snapshotInput() });
      expectMasked(res, broken.emulator.url);
      expect(JSON.stringify(res.body)).not.toMatch(/credentials|AKIASECRET|\.aws/);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await broken.close();
    }
  });
});
