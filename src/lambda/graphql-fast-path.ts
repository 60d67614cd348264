import { type ExecutionResult, type GraphQLError, getOperationAST } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { APIGatewayProxyResult, LambdaEvent } from 'hono/aws-lambda';
import { UNRESTRICTED_CALLER } from '../auth/caller.js';
import { callerFromEvent } from '../auth/caller-from-event.js';
import type { Config } from '../config.js';
import type { RequestContext } from '../graphql/context.js';
import { withRequestId } from '../graphql/error-envelope-plugin.js';
import { recordOutcomes, rootFieldsOf } from '../graphql/operation-metrics-plugin.js';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';

type Services = Pick<RequestContext, 'resourceSnapshots' | 'changeSets' | 'scopes'>;

export interface FastPathDeps {
  // biome-ignore lint/suspicious/noExplicitAny: yoga's context generics are not needed here.
  yoga: YogaServerInstance<any, any>;
  config: Config;
  services: Services;
  metrics?: OutcomeRecorder;
}

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

const JSON_BODY = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;
const ACCEPTS: Record<string, string> = {
  '': 'application/json',
  '*/*': 'application/json',
  'application/json': 'application/json',
  'application/graphql-response+json': 'application/graphql-response+json',
  'application/graphql-response+json, application/json': 'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9': 'application/graphql-response+json',
  'application/json, application/graphql-response+json': 'application/json',
};
const PARAM_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A well-formed GraphQL-over-HTTP POST body, or undefined for anything the full path should judge. */
function paramsOf(body: string): Params | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || typeof parsed.query !== 'string') return undefined;
  for (const key of Object.keys(parsed)) if (!PARAM_KEYS.has(key)) return undefined;
  const { variables, operationName, extensions } = parsed;
  if (variables != null && !isObject(variables)) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (extensions != null && !isObject(extensions)) return undefined;
  return parsed as unknown as Params;
}

/**
 * The Lambda hot path for the one request that matters: an HTTP API (2.0) `POST /graphql` with a
 * JSON body, from a non-browser client, authenticated by API Gateway, whose document parses and
 * validates. It drives yoga's envelop pipeline (the same plugins: limits, scopes, masking) on the
 * event itself instead of building a fetch Request and Response around it, which costs more than
 * the GraphQL execution. Anything else answers `undefined` before any resolver runs, and the full
 * hono + yoga path handles it, with all its checks and error answers.
 */
export function createGraphQLFastPath({ yoga, config, services, metrics }: FastPathDeps) {
  const mode = config.auth.mode;
  return async (event: LambdaEvent): Promise<APIGatewayProxyResult | undefined> => {
    const e = event as unknown as Record<string, unknown> & {
      version?: string;
      rawPath?: string;
      rawQueryString?: string;
      headers?: Record<string, string | undefined>;
      requestContext?: { http?: { method?: string }; requestId?: string };
      body?: string | null;
      isBase64Encoded?: boolean;
    };
    if (e.version !== '2.0' || e.rawPath !== '/graphql' || e.requestContext?.http?.method !== 'POST') return;
    const headers = e.headers ?? {};
    // Browsers (CORS, CSRF), odd media types and query strings go the full way.
    if (headers.origin !== undefined || headers['sec-fetch-site'] !== undefined || e.rawQueryString) return;
    if (!JSON_BODY.test(headers['content-type'] ?? '')) return;
    const contentType = ACCEPTS[(headers.accept ?? '').trim().toLowerCase()];
    if (!contentType || typeof e.body !== 'string') return;
    const body = e.isBase64Encoded ? Buffer.from(e.body, 'base64').toString('utf8') : e.body;
    if (Buffer.byteLength(body) > config.limits.maxBodyBytes) return;
    const params = paramsOf(body);
    if (!params) return;
    const caller = mode === 'none' ? UNRESTRICTED_CALLER : callerFromEvent(event, mode);
    const requestId = e.requestContext?.requestId;
    if (!caller || !requestId) return;

    const context: RequestContext = { requestId, caller, ...services };
    // A request stand-in for plugins that key per-request state on it.
    const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped({
      request: {},
      params,
      ...context,
    });
    let document: ReturnType<typeof parse>;
    try {
      document = parse(params.query);
    } catch {
      return;
    }
    if (validate(schema, document).length > 0) return;
    const operation = getOperationAST(document, params.operationName ?? undefined);
    if (!operation || operation.operation === 'subscription') return;

    const result = (await execute({
      schema,
      document,
      rootValue: {},
      contextValue: await contextFactory(),
      variableValues: params.variables ?? undefined,
      operationName: params.operationName ?? undefined,
    })) as ExecutionResult;
    // Variables that did not coerce: nothing ran, so the full path can answer it in its own words.
    if (!('data' in result)) return;

    const errors = (result.errors ?? []).map((error) => withRequestId(error as GraphQLError, requestId));
    if (metrics) recordOutcomes(metrics, rootFieldsOf(document, params.operationName ?? undefined), errors);
    let statusCode = 200;
    const out = errors.map((error) => {
      const {
        http,
        unexpected: _unexpected,
        ...extensions
      } = (error.extensions ?? {}) as Record<string, unknown> & {
        http?: { status?: number };
      };
      if (http?.status && http.status > statusCode) statusCode = http.status;
      return { ...error.toJSON(), extensions };
    });
    return {
      statusCode,
      headers: { 'content-type': `${contentType}; charset=utf-8`, 'x-request-id': requestId },
      body: JSON.stringify(out.length > 0 ? { errors: out, data: result.data } : { data: result.data }),
      isBase64Encoded: false,
    };
  };
}
