import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import type { AuthMode } from '../config.js';
import {
  fastLaneCaller,
  type GraphQLPipeline,
  type RequestHead,
  takesFastLane,
} from '../graphql/pipeline.js';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import { isWarmUpContext } from './warm-up-context.js';

export type LambdaHandler = (event: LambdaEvent, context: LambdaContext) => Promise<APIGatewayProxyResult>;

export interface LambdaHandlerDeps {
  /** The general case: hono's adapter around the app (`handle(app)`), or a function that loads it. */
  serve: LambdaHandler;
  logger: Logger;
  metrics?: OperationMetrics;
  /** The GraphQL pipeline's fast case (src/graphql/pipeline.ts), for what its gate admits. */
  graphql?: { pipeline: GraphQLPipeline; authMode: AuthMode; maxBodyBytes: number };
}

type V2Event = {
  version?: string;
  rawPath?: string;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  requestContext?: { http?: { method?: string }; requestId?: string };
  body?: string | null;
  isBase64Encoded?: boolean;
};

/**
 * The adapter's half of the fast case: an HTTP API (2.0) event read as the pipeline's request head.
 * Undefined for what the gate does not admit (or a v1 event): hono's adapter answers it.
 */
export function createFastLane({
  pipeline,
  authMode,
  maxBodyBytes,
}: NonNullable<LambdaHandlerDeps['graphql']>) {
  return async (event: LambdaEvent): Promise<APIGatewayProxyResult | undefined> => {
    const e = event as unknown as V2Event;
    if (e.version !== '2.0' || typeof e.body !== 'string') return;
    const headers = e.headers ?? {};
    const body = e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
    const head: RequestHead = {
      method: e.requestContext?.http?.method ?? '',
      target: e.rawQueryString ? `${e.rawPath}?${e.rawQueryString}` : (e.rawPath ?? ''),
      header: (name) => headers[name],
      bodyBytes: e.isBase64Encoded ? Buffer.byteLength(body) : Buffer.byteLength(e.body),
    };
    const requestId = e.requestContext?.requestId;
    if (!requestId || !takesFastLane(head, maxBodyBytes)) return;
    const caller = fastLaneCaller(authMode, event);
    if (!caller) return;
    const answer = await pipeline.answer(head, body, requestId, caller);
    return { statusCode: answer.status, headers: answer.headers, body: answer.body, isBase64Encoded: false };
  };
}

/** API Gateway's id for the request (v1 and v2 both carry it), for correlating with its access logs. */
const gatewayRequestId = (event: LambdaEvent): string | undefined =>
  (event.requestContext as { requestId?: unknown } | undefined)?.requestId as string | undefined;

/**
 * The invocation wrapper around the fast lane and hono's adapter (`serve`: REST v1, HTTP API v2,
 * base64 bodies, multi-value headers and query strings, several Set-Cookie): every log line of the
 * invocation carries the Lambda and API Gateway request ids, and metrics are flushed before the
 * invocation ends (the sandbox may be frozen right after). The event itself is never logged: it
 * holds tokens and bodies.
 */
export function createLambdaHandler({ serve, logger, metrics, graphql }: LambdaHandlerDeps): LambdaHandler {
  const fastPath = graphql ? createFastLane(graphql) : undefined;
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
