import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Config } from '../config.js';
import {
  fastLaneCaller,
  type GraphQLPipeline,
  type RequestHead,
  takesFastLane,
} from '../graphql/pipeline.js';
import { envelopeBody } from './envelope-body.js';
import { chooseRequestId } from './request-id.js';
import { isValidHost, originFormTarget } from './request-target.js';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string) {
  const requestId = chooseRequestId(undefined, header(req, 'x-request-id'));
  const body = envelopeBody(req.url ?? '/', { code: 'BAD_REQUEST', message, retryable: false, requestId });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    // The body (if any) is not read: the connection cannot carry another request.
    connection: 'close',
  });
  res.end(body);
}

const CLIENT_ERRORS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request was not received in time.'],
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
};

/**
 * What Node's HTTP parser refuses (a malformed request line or header, a request not received
 * within the timeouts) gets the REST envelope too, not Node's bare 400 or a silent close.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex) {
  const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (!socket.writable || started || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Malformed HTTP request.'];
  const requestId = chooseRequestId(undefined, undefined);
  const body = envelopeBody('/', { code: 'BAD_REQUEST', message, retryable: false, requestId });
  socket.end(
    `HTTP/1.1 ${status} ${status === 400 ? 'Bad Request' : status === 408 ? 'Request Timeout' : 'Request Header Fields Too Large'}\r\n` +
      `content-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\nconnection: close\r\n\r\n${body}`,
  );
}

/**
 * The local server (`npm start`, and the tests' stack): Node's HTTP server with hono's listener, and
 * the GraphQL pipeline's fast case (src/graphql/pipeline.ts) for what its gate admits, as the Lambda
 * handler does; under AUTH_MODE=none only (the local default), since a bearer token is verified by
 * the app's middleware.
 */
export function createLocalServer({
  app,
  graphql,
  config,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app.
  app: Hono<any>;
  graphql: GraphQLPipeline;
  config: Config;
}): Server {
  const listener = getRequestListener(app.fetch);
  const caller = fastLaneCaller(config.auth.mode);
  const { headersTimeoutMs, requestTimeoutMs } = config.server;
  const server = createServer(
    {
      // Host is checked below, so that a missing one gets the envelope too.
      requireHostHeader: false,
      headersTimeout: headersTimeoutMs,
      // The whole request, body included: a slow body does not hold a connection for Node's 300 s.
      requestTimeout: requestTimeoutMs,
      // How often those are enforced (Node's default, 30 s, would let them overrun by as much).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    (req, res) => {
      // Routing is by the request line only; the Host header never becomes part of the path.
      const target = originFormTarget(req.url);
      if (!target)
        return refuse(req, res, 400, 'The request target must be a path (origin-form or absolute-form).');
      req.url = target;
      if (!isValidHost(header(req, 'host'))) {
        return refuse(req, res, 400, 'The Host header is missing or is not a valid host[:port].');
      }
      const head: RequestHead = {
        method: req.method ?? '',
        target,
        header: (name) => header(req, name),
        // A chunked body's length is not known before it is read: the app's body limit judges it.
        bodyBytes:
          header(req, 'transfer-encoding') === undefined ? Number(header(req, 'content-length')) : undefined,
      };
      if (!caller || !takesFastLane(head, config.limits.maxBodyBytes)) {
        void listener(req, res);
        return;
      }
      const requestId = chooseRequestId(undefined, header(req, 'x-request-id'));
      void (async () => {
        const body = (await readBody(req)).toString('utf8');
        const answer = await graphql.answer(head, body, requestId, caller);
        res.writeHead(answer.status, { ...answer.headers, 'content-length': Buffer.byteLength(answer.body) });
        res.end(answer.body);
      })().catch(() => {
        // Nothing internal leaves: the masked answer, in the GraphQL envelope.
        if (res.headersSent) return res.destroy();
        const body = envelopeBody('/graphql', {
          code: 'INTERNAL_SERVER_ERROR',
          message: 'Unexpected error.',
          retryable: false,
          requestId,
        });
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId });
        res.end(body);
      });
    },
  );
  server.on('clientError', answerClientError);
  return server;
}
