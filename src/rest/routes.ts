import type { Logger } from '@aws-lambda-powertools/logger';
import { Hono } from 'hono';
import type { Config } from '../config.js';
import { FacadeError } from '../errors/facade-error.js';
import type { AppEnv } from '../http/request-id.js';
import type { OperationServices } from '../operations/invoke-operation.js';
import { registerChangeSetLifecycleRoutes } from './change-set-lifecycle-routes.js';
import { registerChangeSetRoutes } from './change-set-routes.js';
import { errorResponse } from './error-response.js';
import { registerResourceSnapshotRoutes } from './resource-snapshot-routes.js';

export interface RestDeps {
  config: Config;
  logger: Logger;
  services: OperationServices;
}

const OPENAPI_PATH = '/openapi.json';

// Every path with the methods it answers; any other method gets 405 with `Allow`.
const ALLOWED: Record<string, string> = {
  '/resource-snapshots': 'GET, POST',
  '/change-sets': 'GET, POST',
  '/change-sets/:changeSetId': 'GET',
  '/change-sets/:changeSetId/cancel': 'POST',
  '/entities/:entityId': 'GET',
  [OPENAPI_PATH]: 'GET',
};

/**
 * The REST face of the facade (contract §1), mounted by createApp under `/rest`: the same AWS call
 * path, validation, scopes and error codes as GraphQL, answered as JSON with HTTP statuses.
 */
export function createRestRoutes(deps: RestDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  registerResourceSnapshotRoutes(app, deps.services);
  registerChangeSetRoutes(app, deps.services);
  registerChangeSetLifecycleRoutes(app, deps.services);

  // Built on first request and kept: generating it costs a few ms that a cold start need not pay.
  let document: Promise<unknown> | undefined;
  app.get(OPENAPI_PATH, async (c) => {
    const basePath = c.req.path.slice(0, -OPENAPI_PATH.length);
    document ??= import('./openapi-document.js')
      .then((m) => m.createOpenApiDocument({ basePath, auth: deps.config.auth }))
      .catch((error: unknown) => {
        document = undefined;
        throw error;
      });
    return c.json(await document);
  });

  for (const [path, allow] of Object.entries(ALLOWED)) {
    app.all(path, (c) => {
      c.header('Allow', allow);
      const error = new FacadeError('BAD_REQUEST', `This path answers ${allow} only.`, { status: 405 });
      return errorResponse(c, error, deps.logger);
    });
  }

  app.onError((error, c) => errorResponse(c, error, deps.logger));
  return app;
}
