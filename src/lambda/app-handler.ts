import { type AppDeps, createApp } from '../app.js';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import { guardEvents } from './event-guard.js';
import { createFastLane, createLambdaHandler } from './handler.js';

/**
 * The app and its Lambda handler as src/lambda.ts runs them: the GraphQL pipeline's fast case in
 * front of hono's adapter. Tests build their Lambda handlers here too, so they exercise the same path.
 */
export function createAppHandler(deps: AppDeps & { metrics?: OperationMetrics }) {
  const built = createApp(deps);
  const graphql = {
    pipeline: built.graphql,
    authMode: deps.config.auth.mode,
    maxBodyBytes: deps.config.limits.maxBodyBytes,
  };
  const handler = guardEvents(
    createLambdaHandler({ app: built.app, logger: deps.logger, metrics: deps.metrics, graphql }),
    deps.logger,
  );
  /** The fast case alone, for tests that compare it with hono's adapter. */
  const fastPath = createFastLane(graphql);
  return { ...built, fastPath, handler };
}
