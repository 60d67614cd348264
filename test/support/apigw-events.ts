import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LambdaContext } from 'hono/aws-lambda';

/**
 * API Gateway events for a request, built from the real samples in test/fixtures/apigw/: HTTP API
 * payload 2.0 (`v2Event`) and REST API (`v1Event`), the way API Gateway maps a request onto them.
 */

export interface RequestSpec {
  method: string;
  /** Without the query string. */
  path: string;
  /** Raw query string without `?`; keys may repeat (`a=1&a=2`). */
  query?: string;
  /** Header values; several values for one name are sent as several headers. */
  headers?: Record<string, string | string[]>;
  body?: string | Uint8Array;
  /** Send the body base64-encoded with `isBase64Encoded: true`, as API Gateway does for binary bodies. */
  base64?: boolean;
  /** Keep the sample's own headers (authorization, forwarding, user agent) under the request's. */
  sampleHeaders?: boolean;
  /** JWT claims the authorizer passes on; the sample's (every scope) by default, null for none. */
  claims?: Record<string, string> | null;
}

// biome-ignore lint/suspicious/noExplicitAny: events are free-form JSON that tests index into.
type Json = Record<string, any>;
const FIXTURES = new URL('../fixtures/apigw/', import.meta.url);
const sample = (name: string): Json => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const V2 = sample('http-api-v2-post-graphql.json');
const V1 = sample('rest-api-v1-post-graphql.json');

const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

function encodeBody(spec: RequestSpec): { body: string | null; isBase64Encoded: boolean; length: number } {
  if (spec.body === undefined) return { body: null, isBase64Encoded: false, length: 0 };
  const bytes = typeof spec.body === 'string' ? Buffer.from(spec.body) : Buffer.from(spec.body);
  return spec.base64
    ? { body: bytes.toString('base64'), isBase64Encoded: true, length: bytes.length }
    : { body: bytes.toString('utf8'), isBase64Encoded: false, length: bytes.length };
}

function queryPairs(query: string | undefined): Array<[string, string]> {
  return [...new URLSearchParams(query ?? '')];
}

const gatewayRequestId = (): string => randomUUID().replaceAll('-', '').slice(0, 16);

/** HTTP API, payload format 2.0: lower-case headers, duplicates joined by commas, cookies apart. */
export function v2Event(spec: RequestSpec): Json {
  const event = structuredClone(V2);
  const { body, isBase64Encoded, length } = encodeBody(spec);
  const headers: Record<string, string> = {};
  const source = { ...(spec.sampleHeaders === false ? {} : V2.headers), ...spec.headers };
  let cookies: string[] | undefined = spec.sampleHeaders === false ? undefined : V2.cookies;
  for (const [name, value] of Object.entries(source)) {
    const key = name.toLowerCase();
    if (key === 'cookie') cookies = asList(value as string | string[]).flatMap((c) => c.split(/;\s*/));
    else headers[key] = asList(value as string | string[]).join(',');
  }
  delete headers['content-length'];
  if (body !== null) headers['content-length'] = String(length);
  const query: Record<string, string> = {};
  for (const [k, v] of queryPairs(spec.query)) query[k] = k in query ? `${query[k]},${v}` : v;
  const id = gatewayRequestId();
  Object.assign(event, {
    routeKey: `${spec.method} ${spec.path}`,
    rawPath: spec.path,
    rawQueryString: spec.query ?? '',
    headers,
    body: body ?? undefined,
    isBase64Encoded,
  });
  if (cookies?.length) event.cookies = cookies;
  else delete event.cookies;
  if (Object.keys(query).length) event.queryStringParameters = query;
  Object.assign(event.requestContext, { requestId: id, routeKey: `${spec.method} ${spec.path}` });
  Object.assign(event.requestContext.http, { method: spec.method, path: spec.path });
  if (spec.claims === null) delete event.requestContext.authorizer;
  else if (spec.claims) event.requestContext.authorizer.jwt.claims = spec.claims;
  if (body === null) delete event.body;
  return event;
}

/** REST API (v1): `headers` keeps the last value, `multiValueHeaders` all; the same for the query. */
export function v1Event(spec: RequestSpec): Json {
  const event = structuredClone(V1);
  const { body, isBase64Encoded, length } = encodeBody(spec);
  const multi: Record<string, string[]> = {};
  const source = { ...(spec.sampleHeaders === false ? {} : V1.multiValueHeaders), ...spec.headers };
  for (const [name, value] of Object.entries(source)) {
    if (name.toLowerCase() === 'content-length') continue;
    multi[name] = asList(value as string | string[]);
  }
  if (body !== null) multi['Content-Length'] = [String(length)];
  const headers = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v.at(-1) ?? '']));
  // No prototype: `constructor` or `__proto__` is a parameter name like any other (as in JSON.parse's objects).
  const multiQuery: Record<string, string[]> = Object.create(null);
  for (const [k, v] of queryPairs(spec.query)) multiQuery[k] = [...(multiQuery[k] ?? []), v];
  const hasQuery = Object.keys(multiQuery).length > 0;
  Object.assign(event, {
    resource: spec.path,
    path: spec.path,
    httpMethod: spec.method,
    headers,
    multiValueHeaders: multi,
    queryStringParameters: hasQuery
      ? Object.fromEntries(Object.entries(multiQuery).map(([k, v]) => [k, v.at(-1) ?? '']))
      : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    body,
    isBase64Encoded,
  });
  const ctx = event.requestContext;
  Object.assign(ctx, {
    httpMethod: spec.method,
    path: `/${ctx.stage}${spec.path}`,
    resourcePath: spec.path,
    requestId: randomUUID(),
    extendedRequestId: gatewayRequestId(),
  });
  if (spec.claims === null) delete ctx.authorizer;
  else if (spec.claims) ctx.authorizer.claims = spec.claims;
  return event;
}

/** A Lambda context as the Node.js runtime passes it. */
export function lambdaContext(overrides: Partial<LambdaContext> = {}): LambdaContext {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: 'aws-partner-facade-dev-api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:aws-partner-facade-dev-api',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/aws-partner-facade-dev-api',
    logStreamName: '2024/03/13/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 28_000,
    ...overrides,
  };
}
