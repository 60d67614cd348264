import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { createAwsClients, EMULATOR_CREDENTIALS } from './aws/clients.js';
import { ConfigError, readConfig } from './config.js';
import { emulatorOptionsFromEnv, startEmulator } from './emulator/index.js';
import { createLocalServer } from './http/local-server.js';
import { createLogger } from './logging/logger.js';

/** `npm start`: the local server. It only listens; the app is built by createApp. */
async function main(): Promise<void> {
  const config = readConfig('local');
  const logger = createLogger(config);

  let emulator: Awaited<ReturnType<typeof startEmulator>> | undefined;
  if (config.backend === 'emulator') {
    // Embedded on an ephemeral port; the SDK clients reach it through an endpoint override.
    emulator = await startEmulator({ ...emulatorOptionsFromEnv(config.emulator.env), port: 0 });
  }
  const clients = createAwsClients(
    config.aws,
    emulator ? { endpoint: emulator.url, credentials: EMULATOR_CREDENTIALS } : {},
  );
  const { app, graphql } = createApp({ config, clients, logger });

  const server = createLocalServer({ app, graphql, config });
  server.listen(config.server.port, config.server.host, () => {
    const { port } = server.address() as AddressInfo;
    const url = `http://${config.server.host}:${port}`;
    logger.info(`Listening on ${url}/graphql`, {
      backend: config.backend,
      ...(emulator ? { emulatorUrl: emulator.url } : { region: config.aws.region }),
      graphiql: config.graphiql ? `${url}/graphql` : 'off',
      authMode: config.auth.mode,
    });
  });

  const shutdown = () => {
    server.close();
    void emulator?.close();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
