import type { AppDeps } from '../app.js';
import { warnIfAuthOff } from '../auth/auth-off-warning.js';
import type { OperationServices } from '../operations/invoke-operation.js';
import { createGraphQLServer } from './create-yoga.js';
import { useOperationMetrics } from './operation-metrics-plugin.js';
import { createGraphQLPipeline, type GraphQLPipeline } from './pipeline.js';

/** The app's GraphQL half: the one pipeline (yoga and its plugins) and what operations run with. */
export interface AppGraphQL {
  pipeline: GraphQLPipeline;
  /** What every operation runs with, whichever face calls it (src/operations/invoke-operation.ts). */
  services: OperationServices;
}

/**
 * Everything a GraphQL request needs and nothing of hono: the Lambda host builds this at init for
 * its fast case and the hono app (src/app.ts) only when a request needs it (src/lambda/app-handler.ts).
 */
export function createAppGraphQL({ config, clients, logger, metrics }: AppDeps): AppGraphQL {
  // At start in both hosts, before any request: the hono app may be built much later (Lambda).
  warnIfAuthOff(config, logger);
  const yoga = createGraphQLServer(config, logger, metrics ? [useOperationMetrics(metrics)] : []);
  const upstream = { clients, deadlineMs: config.aws.deadlineMs };
  const services = { upstream, scopes: config.auth.scopes, metrics };
  return { pipeline: createGraphQLPipeline({ yoga, services }), services };
}
