import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaContext } from 'hono/aws-lambda';
import { lambdaContext, type RequestSpec, v1Event, v2Event } from './apigw-events.js';
import { type CorsConfiguration, type GatewayRoute, matchRoute } from './gateway-template.js';

/** What a proxy-integration handler returns (HTTP API v2 may add `cookies`, REST v1 `multiValueHeaders`). */
export interface ProxyResult {
  statusCode: number;
  body?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, Array<string | number | boolean>>;
  cookies?: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: events are built from JSON samples.
export type ProxyHandler = (event: any, context: LambdaContext) => Promise<ProxyResult>;

/** API Gateway as the template declares it: routes with their authorizers, and CORS. */
export interface GatewayOptions {
  routes: readonly GatewayRoute[];
  /**
   * The route's authorizer (the JWT authorizer's issuer, audience and signature check) given the
   * bearer token (undefined when none was sent): the token's claims, or undefined to refuse (401).
   * Without it, every request to a route with an authorizer is refused.
   */
  authorize?: (authorizer: string, token: string | undefined) => Promise<Record<string, string> | undefined>;
  cors?: CorsConfiguration;
}

export interface LambdaBridgeOptions {
  handler: ProxyHandler;
  /** `v2`: HTTP API payload 2.0 (what the facade is deployed behind); `v1`: REST API. */
  version?: 'v1' | 'v2';
  /**
   * Without `gateway`: JWT authorizer claims put on every event; the sample's (every scope) by
   * default, null for none. With `gateway`, the route's authorizer decides.
   */
  claims?: Record<string, string> | null;
  gateway?: GatewayOptions;
  /** API Gateway's integration timeout (HTTP API: 30 s at most; the facade is built for 29 s). */
  integrationTimeoutMs?: number;
  /** The port on 127.0.0.1; 0 (the default) for any free one. */
  port?: number;
}

export interface LambdaBridge {
  url: string;
  close(): Promise<void>;
}

/** The limits API Gateway (HTTP API) and Lambda enforce, which the bridge enforces too. */
export const GATEWAY_LIMITS = {
  /** Lambda's synchronous invocation payload, for the event and for the result: 6 MB. */
  payloadBytes: 6 * 1024 * 1024,
  /** HTTP API: the request line and header values together, 10240 bytes. */
  headerBytes: 10_240,
  integrationTimeoutMs: 29_000,
};

// Headers that describe the connection, not the request; API Gateway does not pass them on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);
// API Gateway passes these bodies as text and base64-encodes the rest.
const TEXT_BODY = /^(text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|graphql|x-www-form-urlencoded)\b)/i;

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function specOf(req: IncomingMessage, body: Buffer, claims: LambdaBridgeOptions['claims']): RequestSpec {
  const url = new URL(req.url ?? '/', 'http://bridge');
  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (values && !HOP_BY_HOP.has(name)) headers[name] = values;
  }
  const hasBody = body.length > 0;
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    sampleHeaders: false,
    ...(hasBody ? { body, base64: !TEXT_BODY.test(req.headers['content-type'] ?? '') } : {}),
    ...(claims !== undefined ? { claims } : {}),
  };
}

function writeResult(res: ServerResponse, result: ProxyResult, extra: Record<string, string>): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.appendHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values) res.appendHeader(name, String(value));
  }
  for (const cookie of result.cookies ?? []) res.appendHeader('set-cookie', cookie);
  for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
  res.statusCode = result.statusCode;
  res.end(
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
  );
}

/** API Gateway's own answers, as it words them. */
const gatewayError = (
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) =>
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ message }));

const headerBytes = (req: IncomingMessage): number =>
  `${req.method} ${req.url} HTTP/${req.httpVersion}`.length +
  req.rawHeaders.reduce((sum, part, i) => sum + (i % 2 ? Buffer.byteLength(part) : 0), 0);

/**
 * CORS as API Gateway answers it once a CorsConfiguration is set: it answers preflights itself
 * (no route is invoked) and puts its own CORS headers on every response, dropping the function's.
 * An origin not in AllowOrigins gets no CORS header at all, so the browser refuses the response.
 */
function corsHeaders(
  cors: CorsConfiguration,
  origin: string | undefined,
  preflight: boolean,
): Record<string, string> {
  if (!origin || !cors.AllowOrigins.includes(origin)) return {};
  const headers: Record<string, string> = { 'access-control-allow-origin': origin, vary: 'origin' };
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  if (preflight) {
    if (cors.AllowMethods) headers['access-control-allow-methods'] = cors.AllowMethods.join(',');
    if (cors.AllowHeaders) headers['access-control-allow-headers'] = cors.AllowHeaders.join(',');
    if (cors.MaxAge !== undefined) headers['access-control-max-age'] = String(cors.MaxAge);
  } else if (cors.ExposeHeaders) {
    headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  }
  return headers;
}

const withoutCors = (result: ProxyResult): ProxyResult => {
  const keep = <T>(headers: Record<string, T> | undefined) =>
    headers && Object.fromEntries(Object.entries(headers).filter(([k]) => !/^access-control-/i.test(k)));
  return { ...result, headers: keep(result.headers), multiValueHeaders: keep(result.multiValueHeaders) };
};

function timeout(ms: number): { promise: Promise<'timeout'>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * A small HTTP server in front of a Lambda handler, doing what API Gateway and Lambda do: each
 * real HTTP request becomes an API Gateway event with a fresh request id, and the handler's result
 * becomes the HTTP response. It enforces their limits: the 6 MB invocation payload (event: 413;
 * result: 500, as a Lambda error), 10240 bytes of request line and headers (431), the integration
 * timeout (503). With `gateway` it also routes as the template declares (404 for no route), runs
 * each route's authorizer (401 without a valid token) and answers CORS from the CorsConfiguration.
 */
export async function startLambdaBridge({
  handler,
  version = 'v2',
  claims,
  gateway,
  integrationTimeoutMs = GATEWAY_LIMITS.integrationTimeoutMs,
  port: listenPort = 0,
}: LambdaBridgeOptions): Promise<LambdaBridge> {
  const toEvent = version === 'v1' ? v1Event : v2Event;
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    if (headerBytes(req) > GATEWAY_LIMITS.headerBytes) {
      req.resume();
      return gatewayError(res, 431, 'Request Header Fields Too Large');
    }
    const body = await readBody(req, GATEWAY_LIMITS.payloadBytes);
    if (!body) return gatewayError(res, 413, 'Request Entity Too Large', { connection: 'close' });
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://bridge').pathname;
    const origin = req.headers.origin;
    let eventClaims = claims;
    let cors: Record<string, string> = {};
    if (gateway) {
      if (gateway.cors) {
        const preflight =
          method === 'OPTIONS' &&
          origin !== undefined &&
          req.headers['access-control-request-method'] !== undefined;
        cors = corsHeaders(gateway.cors, origin, preflight);
        if (preflight) return res.writeHead(204, cors).end();
      }
      const route = matchRoute(gateway.routes, method, path);
      if (!route) return gatewayError(res, 404, 'Not Found', cors);
      eventClaims = null;
      if (route.authorizer) {
        const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const verified = gateway.authorize ? await gateway.authorize(route.authorizer, token) : undefined;
        if (!verified) return gatewayError(res, 401, 'Unauthorized', cors);
        eventClaims = verified;
      }
    }
    const event = toEvent(specOf(req, body, eventClaims));
    if (Buffer.byteLength(JSON.stringify(event)) > GATEWAY_LIMITS.payloadBytes) {
      return gatewayError(res, 413, 'Request Entity Too Large', cors);
    }
    const timer = timeout(integrationTimeoutMs);
    const result = await Promise.race([handler(event, lambdaContext()), timer.promise]).finally(timer.clear);
    if (result === 'timeout') return gatewayError(res, 503, 'Service Unavailable', cors);
    // Lambda refuses a result over its payload limit: API Gateway sees an invocation error.
    if (Buffer.byteLength(JSON.stringify(result)) > GATEWAY_LIMITS.payloadBytes) {
      return gatewayError(res, 500, 'Internal Server Error', cors);
    }
    writeResult(res, gateway?.cors ? withoutCors(result) : result, cors);
  };
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    serve(req, res).catch(() => {
      // What API Gateway answers when the integration fails.
      if (!res.headersSent) gatewayError(res, 500, 'Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
