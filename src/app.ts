import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { UNRESTRICTED_CALLER } from './auth/caller.js';
import { ChangeSets } from './aws/change-sets.js';
import type { AwsClients } from './aws/clients.js';
import { ResourceSnapshots } from './aws/resource-snapshots.js';
import type { Config } from './config.js';
import { createGraphQLServer } from './graphql/create-yoga.js';
import { useOperationMetrics } from './graphql/operation-metrics-plugin.js';
import { type AppEnv, requestId } from './http/request-id.js';
import type { OutcomeRecorder } from './logging/operation-metrics.js';

export interface AppDeps {
  config: Config;
  clients: AwsClients;
  logger: Logger;
  /** Per-operation outcome metrics (Lambda's EMF); none locally. */
  metrics?: OutcomeRecorder;
}

/**
 * The one app behind both entry points (src/server.ts locally, src/lambda.ts on Lambda).
 * Everything expensive is built here, once per process.
 */
export function createApp({ config, clients, logger, metrics }: AppDeps) {
  const yoga = createGraphQLServer(config, logger, metrics ? [useOperationMetrics(metrics)] : []);
  const resourceSnapshots = new ResourceSnapshots(clients.partnerCentral, config.aws.deadlineMs);
  const changeSets = new ChangeSets(clients.marketplace, config.aws.deadlineMs);

  const app = new Hono<AppEnv>();
  app.use(requestId);

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', (c) =>
    yoga.fetch(c.req.raw, {
      requestId: c.get('requestId'),
      caller: UNRESTRICTED_CALLER,
      scopes: config.auth.scopes,
      resourceSnapshots,
      changeSets,
    }),
  );

  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'NOT_FOUND',
          message: 'No such route.',
          retryable: false,
          requestId: c.get('requestId'),
        },
      },
      404,
    ),
  );
  app.onError((error, c) => {
    logger.error('Unhandled error in the HTTP layer', { error, requestId: c.get('requestId') });
    return c.json(
      {
        error: {
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Unexpected error.',
          retryable: false,
          requestId: c.get('requestId'),
        },
      },
      500,
    );
  });

  return { app, yoga };
}
