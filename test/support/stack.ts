import type { AddressInfo } from 'node:net';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { createApp } from '../../src/app.js';
import { type ClientOverrides, createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { createLocalServer } from '../../src/http/local-server.js';
import { createLogger } from '../../src/logging/logger.js';

export interface Stack {
  url: string;
  emulator: RunningEmulator;
  close(): Promise<void>;
}

export interface StackOptions {
  emulator?: EmulatorOptions;
  env?: Record<string, string>;
  clients?: ClientOverrides;
}

/** SDK retries as in production (3 attempts) but with 5 ms backoff, so fault tests stay quick. */
export const FAST_RETRIES: ClientOverrides = { retryStrategy: new ConfiguredRetryStrategy(3, () => 5) };

/**
 * The real local stack on loopback: the emulator, the real SDK clients pointed at it, and the
 * app served over HTTP exactly as `npm start` serves it.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulator = await startEmulator({ port: 0, ...options.emulator });
  const config = readConfig('local', { LOG_LEVEL: 'SILENT', ...options.env });
  const clients = createAwsClients(config.aws, {
    endpoint: emulator.url,
    credentials: EMULATOR_CREDENTIALS,
    ...FAST_RETRIES,
    ...options.clients,
  });
  const { app, graphql } = createApp({ config, clients, logger: createLogger(config) });
  // As src/server.ts serves it: the GraphQL pipeline's fast lane in front of hono's listener.
  const server = createLocalServer({ app, graphql, config });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clients.partnerCentral.destroy();
      clients.marketplace.destroy();
      await emulator.close();
    },
  };
}
