import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { UNRESTRICTED_CALLER } from '../auth/caller.js';
import { callerFromEvent } from '../auth/caller-from-event.js';
import type { Config } from '../config.js';
import { acceptedMediaType, type DirectExecution, isDirectCandidate } from '../graphql/direct-execution.js';

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
 * The Lambda hot path: an HTTP API (2.0) `POST /graphql` authenticated by API Gateway goes to the
 * direct GraphQL execution (src/graphql/direct-execution.ts) straight from the event. Everything
 * else, and everything it declines, answers `undefined` and goes through hono's adapter.
 */
export function createGraphQLFastPath({ config, execute }: { config: Config; execute: DirectExecution }) {
  const mode = config.auth.mode;
  return async (event: LambdaEvent): Promise<APIGatewayProxyResult | undefined> => {
    const e = event as unknown as V2Event;
    if (e.version !== '2.0' || e.rawPath !== '/graphql' || e.requestContext?.http?.method !== 'POST') return;
    const headers = e.headers ?? {};
    if (e.rawQueryString || typeof e.body !== 'string') return;
    const candidate = isDirectCandidate({
      contentType: headers['content-type'],
      origin: headers.origin,
      secFetchSite: headers['sec-fetch-site'],
    });
    const mediaType = acceptedMediaType(headers.accept);
    if (!candidate || !mediaType) return;
    const body = e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
    if (Buffer.byteLength(body) > config.limits.maxBodyBytes) return;
    const caller = mode === 'none' ? UNRESTRICTED_CALLER : callerFromEvent(event, mode);
    const requestId = e.requestContext?.requestId;
    if (!caller || !requestId) return;

    const answer = await execute({ body, mediaType, requestId, caller });
    if (!answer) return;
    return {
      statusCode: answer.status,
      headers: { 'content-type': `${answer.mediaType}; charset=utf-8`, 'x-request-id': requestId },
      body: answer.body,
      isBase64Encoded: false,
    };
  };
}
