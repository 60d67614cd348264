import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import { authenticate } from './auth/authenticate.js';
import { ANONYMOUS_CALLER } from './auth/caller.js';
import type { AwsClients } from './aws/clients.js';
import type { Config } from './config.js';
import { FacadeError } from './errors/facade-error.js';
import { type AppGraphQL, createAppGraphQL } from './graphql/app-graphql.js';
import { limitBody } from './http/body-limit.js';
import { corsAllowList } from './http/cors-allow-list.js';
import { csrfProtection } from './http/csrf-protection.js';
import { createGraphiQLRoutes } from './http/graphiql-routes.js';
import { requestErrorResponse } from './http/request-error.js';
import { type AppEnv, requestId } from './http/request-id.js';
import type { OutcomeRecorder } from './logging/operation-metrics.js';
import { errorResponse } from './rest/error-response.js';
import { createRestRoutes } from './rest/routes.js';

export interface AppDeps {
  config: Config;
  clients: AwsClients;
  logger: Logger;
  /** Per-operation outcome metrics (Lambda's EMF); none locally. */
  metrics?: OutcomeRecorder;
}

/**
 * The one app behind both entry points (src/server.ts locally, src/lambda.ts on Lambda).
 * Everything expensive is built here, once per process; `built` is its GraphQL half where the host
 * made it first (the Lambda host, before it needs hono).
 */
export function createApp(deps: AppDeps, built: AppGraphQL = createAppGraphQL(deps)) {
  const { config, logger } = deps;
  const { services } = built;
  // The one GraphQL pipeline: hono's route below is its general case, the hosts call its fast case.
  const graphql = built.pipeline;

  const app = new Hono<AppEnv>();
  app.use(requestId);
  app.use(corsAllowList(config.cors.origins));

  app.get('/health', (c) => c.json({ status: 'ok' }));
  // Open, like /health: a static page and its assets (src/http/graphiql-routes.ts).
  if (config.graphiql) app.route('/graphiql', createGraphiQLRoutes());

  // Every route registered below is guarded (only /health and GraphiQL, above, are open): CSRF, then who is
  // calling (`c.get('caller')`), then the body size, all before anything reads the body.
  app.use(
    csrfProtection({ origins: config.cors.origins, graphiql: config.graphiql }),
    authenticate(config, logger),
    limitBody(config.limits.maxBodyBytes),
  );

  app.on(['GET', 'POST', 'OPTIONS'], '/graphql', (c) => graphql.route(c, ANONYMOUS_CALLER));
  // Any other method on the GraphQL endpoint: 405 in its own envelope (not the REST 404).
  app.all('/graphql', (c) =>
    requestErrorResponse(c, {
      status: 405,
      code: 'BAD_REQUEST',
      message: 'The GraphQL endpoint answers GET and POST only.',
      headers: { Allow: 'GET, POST' },
    }),
  );

  app.route('/rest', createRestRoutes({ config, logger, services }));

  // The REST error envelope; anything not raised on purpose is logged and masked there.
  app.notFound((c) => errorResponse(c, new FacadeError('NOT_FOUND', 'No such route.'), logger));
  app.onError((error, c) => errorResponse(c, error, logger));

  return { app, graphql };
}
