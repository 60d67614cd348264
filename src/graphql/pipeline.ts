import type { Context } from 'hono';
import { type Caller, UNRESTRICTED_CALLER } from '../auth/caller.js';
import { callerFromEvent } from '../auth/caller-from-event.js';
import type { AuthMode } from '../config.js';
import { CORS_HEADERS_WITHOUT_ORIGIN } from '../http/cors-headers.js';
import type { AppEnv } from '../http/request-id.js';
import type { OperationServices } from '../operations/invoke-operation.js';
import type { RequestContext } from './context.js';
import type { GraphQLServer } from './create-yoga.js';
import { withCanonicalJsonType } from './json-content-type.js';

/**
 * The one GraphQL pipeline behind both hosts (the Lambda handler, the local Node server): yoga's
 * `handle` (request parsing, every envelop plugin: limits, the bounded document cache, scopes,
 * masking, the error envelope, metrics; result processing) answers every GraphQL request.
 *
 * - The general case: hono's middleware (request id, CORS, CSRF, authentication, body limit), then
 *   `yoga.fetch`, which ends in the same `handle`.
 * - The fast case: a request for which that middleware does nothing (a JSON POST from a
 *   non-browser client, within the body limit, whose caller the host already knows) goes straight
 *   to `yoga.handle` (the server adapter's: yoga's `onRequest` and `onResponse` hooks run too),
 *   with a light request object instead of a fetch Request built for hono. Same code from there on,
 *   by construction; only hono's middleware is skipped, and the gate below is what makes that safe.
 */

/** What the gate reads of a request, from whichever host. */
export interface RequestHead {
  method: string;
  /** The origin-form target: path and query. */
  target: string;
  header(name: string): string | undefined;
  /** The body's length in bytes where known before reading it. */
  bodyBytes: number | undefined;
}

export interface GraphQLAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// The types the CSRF guard and yoga both take as JSON without question.
const JSON_BODY = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
// Accept values yoga's regular result processor answers and useAcceptableResponse lets pass.
const ACCEPTS = new Set([
  '',
  '*/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json',
  'application/graphql-response+json, application/json;q=0.9',
  'application/json, application/graphql-response+json',
]);

/**
 * The gate, the one place that decides "may this request skip the middleware?". A browser (Origin
 * or Sec-Fetch-Site) goes the general way: CORS and CSRF prevention live there.
 */
export function takesFastLane(head: RequestHead, maxBodyBytes: number): boolean {
  if (head.method !== 'POST' || head.target !== '/graphql') return false;
  if (head.header('origin') !== undefined || head.header('sec-fetch-site') !== undefined) return false;
  if (!JSON_BODY.test(head.header('content-type') ?? '')) return false;
  if (!ACCEPTS.has((head.header('accept') ?? '').trim().toLowerCase())) return false;
  const bytes = head.bodyBytes;
  return bytes !== undefined && bytes > 0 && bytes <= maxBodyBytes;
}

/**
 * The caller the fast case may use without hono's authentication: everyone under AUTH_MODE=none,
 * else the identity API Gateway's authorizer put in the Lambda event. Undefined: the general case
 * (the bearer token verified there, or its 401).
 */
export function fastLaneCaller(mode: AuthMode, event?: unknown): Caller | undefined {
  if (mode === 'none') return UNRESTRICTED_CALLER;
  return event === undefined ? undefined : callerFromEvent(event, mode);
}

/**
 * Just what yoga's `handle` reads of a POST (method, URL, headers, body); the content type is the
 * canonical one hono's route hands yoga for the same request (withCanonicalJsonType).
 */
function lightRequest(body: string, head: RequestHead): Request {
  const contentType = (head.header('content-type') ?? '').replace(/^\s*[^;]*/, 'application/json');
  const accept = head.header('accept');
  const headers = {
    get: (name: string): string | null => {
      const key = name.toLowerCase();
      if (key === 'content-type') return contentType;
      return (key === 'accept' ? accept : head.header(key)) ?? null;
    },
    has: (name: string) => head.header(name.toLowerCase()) !== undefined,
  };
  return {
    method: 'POST',
    url: 'http://localhost/graphql',
    headers,
    text: async () => body,
    json: async () => JSON.parse(body),
  } as unknown as Request;
}

export function createGraphQLPipeline({
  yoga,
  services,
}: {
  yoga: GraphQLServer;
  services: OperationServices;
}) {
  const contextOf = (requestId: string, caller: Caller): RequestContext => ({
    requestId,
    caller,
    ...services,
  });
  return {
    /** The general case: hono's `/graphql` route, after its middleware. */
    route: (c: Context<AppEnv>, anonymous: Caller) =>
      yoga.fetch(
        withCanonicalJsonType(c.req.raw),
        contextOf(c.get('requestId'), c.get('caller') ?? anonymous),
      ) as Promise<Response>,

    /** The fast case: a request the gate admitted, its body read, its id and caller known. */
    async answer(head: RequestHead, body: string, requestId: string, caller: Caller): Promise<GraphQLAnswer> {
      const handle = yoga.handle as unknown as (r: Request, c: RequestContext) => Promise<Response>;
      const response = await handle(lightRequest(body, head), contextOf(requestId, caller));
      const text = await response.text();
      // The headers the general case's middleware adds (request id, CORS), then yoga's, whose own
      // Headers keep the case it wrote them in where a fetch Response's are lower case.
      const headers: Record<string, string> = { ...CORS_HEADERS_WITHOUT_ORIGIN };
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      headers['content-length'] = String(Buffer.byteLength(text));
      headers['x-request-id'] = requestId;
      return { status: response.status, headers, body: text };
    },
  };
}

export type GraphQLPipeline = ReturnType<typeof createGraphQLPipeline>;
