import { type AppDeps, createApp } from '../app.js';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import { guardEvents } from './event-guard.js';
import { createGraphQLFastPath } from './graphql-fast-path.js';
import { createLambdaHandler } from './handler.js';

/**
 * The app and its Lambda handler as src/lambda.ts runs them: the GraphQL fast path in front of
 * hono's adapter. Tests build their Lambda handlers here too, so they exercise the same path.
 */
export function createAppHandler(deps: AppDeps & { metrics?: OperationMetrics }) {
  const built = createApp(deps);
  const fastPath = createGraphQLFastPath({ config: deps.config, execute: built.executeDirectly });
  const handler = guardEvents(
    createLambdaHandler({ app: built.app, logger: deps.logger, metrics: deps.metrics, fastPath }),
    deps.logger,
  );
  return { ...built, fastPath, handler };
}
