import { Logger } from '@aws-lambda-powertools/logger';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestIdLogging } from '../../src/aws/request-id-logging.js';
import { captureOutput } from '../security/capture-output.js';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

/**
 * What each level prints: yoga's own debug lines at DEBUG only, the `AWS call` line from INFO.
 * Below the level, Powertools is not even called (src/logging/log-level.ts): the spies say so.
 */
const jsonLines = (output: string) =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("yoga's log lines through Powertools", () => {
  let stack: Stack | undefined;
  afterEach(() => {
    vi.restoreAllMocks();
    return stack?.close();
  });

  async function debugLinesAt(level: string) {
    const started = await startStack({ env: { LOG_LEVEL: level } });
    stack = started;
    const debug = vi.spyOn(Logger.prototype, 'debug');
    const { value, output } = await captureOutput(() => gql(started.url, '{ __typename }'));
    expect(value.body).toEqual({ data: { __typename: 'Query' } });
    return { calls: debug.mock.calls.length, lines: jsonLines(output).filter((l) => l.level === 'DEBUG') };
  }

  it('DEBUG: yoga says how it handled the request', async () => {
    const { calls, lines } = await debugLinesAt('DEBUG');
    expect(lines.length).toBeGreaterThan(0);
    expect(calls).toBe(lines.length);
    expect(lines[0]).toMatchObject({ service: 'aws-partner-facade', message: expect.any(String) });
  });

  it('INFO: no debug line, and Powertools is not asked for one', async () => {
    expect(await debugLinesAt('INFO')).toEqual({ calls: 0, lines: [] });
  });
});

describe('the AWS call line', () => {
  // The SDK's deserialize step, answered as an SDK call would (this middleware's unit under test).
  async function awsCallAt(logLevel: 'INFO' | 'WARN') {
    const logger = new Logger({ serviceName: 'test', logLevel });
    const info = vi.spyOn(logger, 'info');
    const handler = requestIdLogging(logger)(
      async () => ({ response: {}, output: { $metadata: { requestId: 'req-1', httpStatusCode: 200 } } }),
      { clientName: 'MarketplaceCatalogClient', commandName: 'DescribeEntityCommand' },
    );
    const { output } = await captureOutput(() => handler({ input: {}, request: {} }));
    return { calls: info.mock.calls.length, lines: jsonLines(output) };
  }

  it('INFO: one line with AWS request id and status', async () => {
    expect((await awsCallAt('INFO')).lines).toMatchObject([
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

  it('WARN: none, and Powertools is not asked for one', async () => {
    expect(await awsCallAt('WARN')).toEqual({ calls: 0, lines: [] });
  });
});
