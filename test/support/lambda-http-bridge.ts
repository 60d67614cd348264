import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LambdaContext } from 'hono/aws-lambda';
import { lambdaContext, type RequestSpec, v1Event, v2Event } from './apigw-events.js';

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

export interface LambdaBridgeOptions {
  handler: ProxyHandler;
  /** `v2`: HTTP API payload 2.0 (what the facade is deployed behind); `v1`: REST API. */
  version?: 'v1' | 'v2';
  /** JWT authorizer claims put on every event; the sample's (every scope) by default, null for none. */
  claims?: Record<string, string> | null;
}

export interface LambdaBridge {
  url: string;
  close(): Promise<void>;
}

// Headers that describe the connection, not the request; API Gateway does not pass them on.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);
// API Gateway passes these bodies as text and base64-encodes the rest.
const TEXT_BODY = /^(text\/|application\/(?:[\w.+-]*\+)?(?:json|xml|graphql|x-www-form-urlencoded)\b)/i;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
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

function writeResult(res: ServerResponse, result: ProxyResult): void {
  for (const [name, value] of Object.entries(result.headers ?? {})) res.appendHeader(name, String(value));
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    for (const value of values) res.appendHeader(name, String(value));
  }
  for (const cookie of result.cookies ?? []) res.appendHeader('set-cookie', cookie);
  res.statusCode = result.statusCode;
  res.end(
    result.body === undefined
      ? undefined
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
  );
}

/**
 * A small HTTP server in front of a Lambda handler, doing what API Gateway does: each real HTTP
 * request becomes an API Gateway event, the handler's result becomes the HTTP response. Lets any
 * suite (graphql-http's audit, integration tests) run over HTTP against the Lambda handler.
 */
export async function startLambdaBridge({
  handler,
  version = 'v2',
  claims,
}: LambdaBridgeOptions): Promise<LambdaBridge> {
  const toEvent = version === 'v1' ? v1Event : v2Event;
  const server = createServer(async (req, res) => {
    try {
      const event = toEvent(specOf(req, await readBody(req), claims));
      writeResult(res, await handler(event, lambdaContext()));
    } catch {
      // What API Gateway answers when the integration fails.
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Internal Server Error"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
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
