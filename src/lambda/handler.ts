import type { Logger } from '@aws-lambda-powertools/logger';
import type { Hono } from 'hono';
import { type APIGatewayProxyResult, handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import { isWarmUpContext } from './warm-up-context.js';

export type LambdaHandler = (event: LambdaEvent, context: LambdaContext) => Promise<APIGatewayProxyResult>;

export interface LambdaHandlerDeps {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app; the adapter does not depend on its env.
  app: Hono<any>;
  logger: Logger;
  metrics?: OperationMetrics;
  /** Answers the common GraphQL request straight from the event, or undefined to use the app. */
  fastPath?: (event: LambdaEvent) => Promise<APIGatewayProxyResult | undefined>;
}

/** API Gateway's id for the request (v1 and v2 both carry it), for correlating with its access logs. */
const gatewayRequestId = (event: LambdaEvent): string | undefined =>
  (event.requestContext as { requestId?: unknown } | undefined)?.requestId as string | undefined;

/**
 * The invocation wrapper around hono's adapter (REST v1, HTTP API v2, base64 bodies, multi-value
 * headers and query strings, several Set-Cookie): every log line of the invocation carries the
 * Lambda and API Gateway request ids, and metrics are flushed before the invocation ends (the
 * sandbox may be frozen right after). The event itself is never logged: it holds tokens and bodies.
 */
export function createLambdaHandler({ app, logger, metrics, fastPath }: LambdaHandlerDeps): LambdaHandler {
  const serve = handle(app);
  return async (event, context) => {
    // The init warm-up is not traffic: it leaves the cold-start flags and the metrics alone.
    const traffic = !isWarmUpContext(context);
    if (traffic) logger.addContext(context);
    logger.appendKeys({ apiGatewayRequestId: gatewayRequestId(event) });
    if (traffic) metrics?.captureColdStart(context.functionName);
    try {
      return (await fastPath?.(event)) ?? (await serve(event, context));
    } finally {
      if (traffic) metrics?.publish();
      else metrics?.discard();
      logger.resetKeys();
    }
  };
}
