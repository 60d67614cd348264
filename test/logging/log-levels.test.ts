import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { requestIdLogging } from '../../src/aws/request-id-logging.js';
import { captureOutput } from '../security/capture-output.js';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

/**
 * What each level prints: yoga's own debug lines at DEBUG only, the `AWS call` line from INFO
 * (lines below the level are not even built: src/logging/log-level.ts).
 */
const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("yoga's log lines through Powertools", () => {
  let stack: Stack | undefined;
  afterEach(() => stack?.close());

  async function debugLinesAt(level: string) {
    const started = await startStack({ env: { LOG_LEVEL: level } });
    stack = started;
    const { value, output } = await captureOutput(() => gql(started.url, '{ __typename }'));
    expect(value.body).toEqual({ data: { __typename: 'Query' } });
    return jsonLines(output).filter((l) => l.level === 'DEBUG');
  }

  it('DEBUG: yoga says how it handled the request', async () => {
    const lines = await debugLinesAt('DEBUG');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatchObject({ service: 'aws-partner-facade', message: expect.any(String) });
  });

  it('INFO: no debug line', async () => {
    expect(await debugLinesAt('INFO')).toEqual([]);
  });
});

describe('the AWS call line', () => {
  // The SDK's deserialize step, answered as an SDK call would (this middleware's unit under test).
  async function awsCallAt(logLevel: 'INFO' | 'WARN') {
    const logger = new Logger({ serviceName: 'test', logLevel });
    const handler = requestIdLogging(logger)(
      async () => ({ response: {}, output: { $metadata: { requestId: 'req-1', httpStatusCode: 200 } } }),
      { clientName: 'MarketplaceCatalogClient', commandName: 'DescribeEntityCommand' },
    );
    const { output } = await captureOutput(() => handler({ input: {}, request: {} }));
    return jsonLines(output);
  }

  it('INFO: one line with AWS request id and status', async () => {
    expect(await awsCallAt('INFO')).toMatchObject([
      {
        level: 'INFO',
        message: 'AWS call',
        awsService: 'MarketplaceCatalog',
        awsOperation: 'DescribeEntity',
        awsRequestId: 'req-1',
        httpStatusCode: 200,
      },
    ]);
  });

  it('WARN: none', async () => {
    expect(await awsCallAt('WARN')).toEqual([]);
  });
});
