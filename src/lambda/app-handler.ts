import type { AppDeps } from '../app.js';
import { createAppGraphQL } from '../graphql/app-graphql.js';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import { guardEvents } from './event-guard.js';
import type { createGeneralCase } from './general-case.js';
import { createFastLane, createLambdaHandler, type LambdaHandler } from './handler.js';

/**
 * The app and its Lambda handler as src/lambda.ts runs them: the GraphQL pipeline's fast case in
 * front of hono's adapter. Tests build their Lambda handlers here too, so they exercise the same path.
 *
 * The one place that decides what a cold start loads: the GraphQL half (yoga, the schema, the
 * pipeline) and the fast lane are built here, at init, since the first request is most likely a
 * mutation the fast lane answers. hono, its middleware, the REST routes and all only they need
 * (zod-openapi, jose, GraphiQL's routes) are in a lazy chunk (./general-case.js), imported and
 * built once, on the first request the fast lane leaves to them: ~40 KB of the start-up path and
 * a few milliseconds of init (more with the warm-up) that such a mutation does not use
 * (docs/performance.md).
 */
export function createAppHandler(deps: AppDeps & { metrics?: OperationMetrics }) {
  const built = createAppGraphQL(deps);
  let general: Promise<ReturnType<typeof createGeneralCase>> | undefined;
  // Once per process. A failed build is not kept, so the next request tries again; a chunk that
  // fails to evaluate stays failed in Node's module loader, so every request the fast lane leaves
  // to it then gets the masked 500 (src/lambda/event-guard.ts) until Lambda recycles the sandbox,
  // with this line in the log to say why.
  const generalCase = () =>
    (general ??= import('./general-case.js')
      .then((m) => m.createGeneralCase(deps, built))
      .catch((error: unknown) => {
        general = undefined;
        deps.logger.error('The general case (hono, REST) failed to load', { error });
        throw error;
      }));
  const serve: LambdaHandler = async (event, context) => (await generalCase()).serve(event, context);
  const graphql = {
    pipeline: built.pipeline,
    authMode: deps.config.auth.mode,
    maxBodyBytes: deps.config.limits.maxBodyBytes,
  };
  const handler = guardEvents(
    createLambdaHandler({ serve, logger: deps.logger, metrics: deps.metrics, graphql }),
    deps.logger,
  );
  /** The fast case alone, for tests that compare it with hono's adapter. */
  const fastPath = createFastLane(graphql);
  /** hono's app, built on first use: the instance the handler's general case serves. */
  const app = async () => (await generalCase()).app;
  return { graphql: built.pipeline, app, fastPath, handler };
}
