import { createAwsClients } from './aws/clients.js';
import { readConfig } from './config.js';
import { createAppHandler } from './lambda/app-handler.js';
import { warmUp } from './lambda/warm-up.js';
import { createLogger } from './logging/logger.js';
import { OperationMetrics } from './logging/operation-metrics.js';

/**
 * The Lambda entry point (API Gateway HTTP API v2 and REST API v1 events): adapter only. The app,
 * the AWS clients, the logger and the metrics are built once per cold start; nothing here touches
 * the network. A bad configuration fails the init with a message naming the variable.
 */
const config = readConfig('lambda');
const logger = createLogger(config);
const metrics = new OperationMetrics();
const clients = createAwsClients(config.aws, {}, { logger, warmUpTransport: true });
export const { handler } = createAppHandler({ config, clients, logger, metrics });

if (config.lambda.warmUp) await warmUp({ handler, config, logger, metrics });
