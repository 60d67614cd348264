import { type ExecutionResult, type GraphQLError, getOperationAST } from 'graphql';
import type { YogaServerInstance } from 'graphql-yoga';
import type { Caller } from '../auth/caller.js';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';
import type { RequestContext } from './context.js';
import { withRequestId } from './error-envelope-plugin.js';
import { recordOutcomes, rootFieldsOf } from './operation-metrics-plugin.js';

/**
 * The GraphQL hot path shared by the Lambda handler and the local server: a well-formed JSON POST
 * from a non-browser client runs yoga's envelop pipeline (the same plugins: limits, scopes,
 * masking, metrics) directly, instead of through a fetch Request and Response, which cost more
 * than the GraphQL work. Whatever it does not take answers `undefined` before any resolver ran,
 * and the full hono + yoga path handles it with all its checks and error answers.
 */

export type Services = Pick<RequestContext, 'upstream' | 'scopes'>;

export interface DirectExecutionDeps {
  // biome-ignore lint/suspicious/noExplicitAny: yoga's context generics are not needed here.
  yoga: YogaServerInstance<any, any>;
  services: Services;
  metrics?: OutcomeRecorder;
}

export interface DirectRequest {
  body: string;
  /** The response media type, from `acceptedMediaType`. */
  mediaType: string;
  requestId: string;
  caller: Caller;
}

export interface DirectResponse {
  status: number;
  mediaType: string;
  body: string;
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

/** True for a request the direct path may take: JSON in, a media type it can answer, no browser. */
export function isDirectCandidate(headers: {
  contentType: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}): boolean {
  // Browsers go the full way: CORS and CSRF prevention live there.
  if (headers.origin !== undefined || headers.secFetchSite !== undefined) return false;
  return JSON_BODY.test(headers.contentType ?? '');
}

/** The response media type for an Accept header the direct path handles, else undefined. */
export function acceptedMediaType(accept: string | undefined): string | undefined {
  return ACCEPTS[(accept ?? '').trim().toLowerCase()];
}

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

export function createDirectExecution({ yoga, services, metrics }: DirectExecutionDeps) {
  return async ({
    body,
    mediaType,
    requestId,
    caller,
  }: DirectRequest): Promise<DirectResponse | undefined> => {
    const params = paramsOf(body);
    if (!params) return;
    const context: RequestContext = { requestId, caller, ...services };
    // `request`: a stand-in for plugins that key per-request state on it.
    const { parse, validate, contextFactory, execute, schema } = yoga.getEnveloped({
      request: {},
      params,
      ...context,
    });
    let document: ReturnType<typeof parse>;
    try {
      // Limit plugins (graphql-armor) throw from parse and validate: the full path answers those.
      document = parse(params.query);
      if (validate(schema, document).length > 0) return;
    } catch {
      return;
    }
    const operationName = params.operationName ?? undefined;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation === 'subscription') return;

    const result = (await execute({
      schema,
      document,
      rootValue: {},
      contextValue: await contextFactory(),
      variableValues: params.variables ?? undefined,
      operationName,
    })) as ExecutionResult;
    // Variables that did not coerce, or a scope refused before execution: nothing ran, so the
    // full path can answer it in its own words.
    if (!('data' in result)) return;

    const errors = (result.errors ?? []).map((error) => withRequestId(error as GraphQLError, requestId));
    if (metrics) recordOutcomes(metrics, rootFieldsOf(document, operationName), errors);
    let status = 200;
    const out = errors.map((error) => {
      const {
        http,
        unexpected: _unexpected,
        ...extensions
      } = (error.extensions ?? {}) as Record<string, unknown> & { http?: { status?: number } };
      if (http?.status && http.status > status) status = http.status;
      return { ...error.toJSON(), extensions };
    });
    return {
      status,
      mediaType,
      body: JSON.stringify(out.length > 0 ? { errors: out, data: result.data } : { data: result.data }),
    };
  };
}

export type DirectExecution = ReturnType<typeof createDirectExecution>;
