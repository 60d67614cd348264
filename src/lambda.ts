import { createAwsClients } from './aws/clients.js';
import { readConfig } from './config.js';
import { createAppHandler } from './lambda/app-handler.js';
import { warmUp } from './lambda/warm-up.js';
import { createLogger } from './logging/logger.js';
import { createMetrics, OperationMetrics } from './logging/operation-metrics.js';

/**
 * The Lambda entry point (API Gateway HTTP API v2 and REST API v1 events): adapter only. The app,
 * the AWS clients, the logger and the metrics are built once per cold start (hono's part of the app
 * on its first request: src/lambda/app-handler.ts); nothing here touches the network. A bad
 * configuration fails the init with a message naming the variable.
 */
const config = readConfig('lambda');
const logger = createLogger(config);
const metrics = new OperationMetrics(createMetrics(config.observability), config.observability);
const clients = createAwsClients(config.aws, {}, { logger, warmUpTransport: true });
// X-Ray (where tracing is on): a lazy chunk, so it costs nothing elsewhere. Before the warm-up,
// which builds the clients' cached middleware stacks; the warm-up's own calls are not traced.
const tracing = config.observability.tracing
  ? (await import('./aws/tracing.js')).traceAwsClients(clients, config.observability.serviceName)
  : undefined;
export const { handler } = createAppHandler({ config, clients, logger, metrics });

if (config.lambda.warmUp) {
  const run = () => warmUp({ handler, config, logger, metrics });
  await (tracing ? tracing.untraced(run) : run());
}
