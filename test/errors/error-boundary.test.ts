import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translateAwsError } from '../../src/aws/translate-error.js';
import { FacadeError } from '../../src/errors/facade-error.js';
import { captureOutput } from '../security/capture-output.js';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, GET_SNAPSHOT, snapshotInput } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

describe('errors without GraphQL', () => {
  it('a FacadeError is a plain error that keeps the SDK exception as its cause', () => {
    const sdk = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 429, requestId: 'aws-1' },
    });
    const error = translateAwsError(sdk, {
      service: 'partnercentral-selling',
      operation: 'GetResourceSnapshot',
    });
    expect(error).toBeInstanceOf(FacadeError);
    expect(error).not.toBeInstanceOf(GraphQLError);
    expect((error as FacadeError).cause).toBe(sdk);
    expect((error as FacadeError).code).toBe('THROTTLED');
  });
});

describe('the GraphQL boundary', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Errors logged as in production (the default level logs ERROR), to see that none is written.
    stack = await startStack({ env: { LOG_LEVEL: 'INFO' } });
  });
  afterAll(() => stack.close());

  // The fast lane (a non-browser JSON POST) and the full hono + yoga path (a same-origin browser request).
  it.each([
    ['the fast lane', {}],
    ['the full path', { 'sec-fetch-site': 'same-origin' }],
  ])(
    '%s: AWS and input errors leave with their contract extensions, and are not logged as errors',
    async (_lane, headers) => {
      const { value, output } = await captureOutput(async () => ({
        notFound: await gql(
          stack.url,
          GET_SNAPSHOT,
          { input: snapshotInput({ resourceIdentifier: 'O999999999' }) },
          headers,
        ),
        invalid: await gql(
          stack.url,
          CREATE_SNAPSHOT,
          { input: snapshotInput({ engagementIdentifier: 'nope' }) },
          headers,
        ),
      }));
      expect(value.notFound.status).toBe(200);
      expect(value.notFound.body.data).toEqual({ resourceSnapshot: null });
      expect(value.notFound.body.errors).toEqual([
        {
          message: expect.stringMatching(/^The resource does not exist/),
          locations: [expect.any(Object)],
          path: ['resourceSnapshot'],
          extensions: {
            code: 'NOT_FOUND',
            retryable: false,
            aws: expect.objectContaining({
              service: 'partnercentral-selling',
              errorName: 'ResourceNotFoundException',
            }),
            requestId: expect.any(String),
          },
        },
      ]);
      // Member order is part of the contract's bytes.
      expect(Object.keys(value.notFound.body.errors?.[0]?.extensions ?? {})).toEqual([
        'code',
        'retryable',
        'aws',
        'requestId',
      ]);
      expect(value.invalid.body.errors?.[0]).toMatchObject({
        path: ['createResourceSnapshot'],
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ path: 'input.engagementIdentifier', code: 'INVALID_STRING_FORMAT' }],
        },
      });
      expect(Object.keys(value.invalid.body.errors?.[0]?.extensions ?? {})).toEqual([
        'code',
        'retryable',
        'fieldErrors',
        'requestId',
      ]);
      expect(output).not.toMatch(/"level":"ERROR"/);
    },
  );
});
