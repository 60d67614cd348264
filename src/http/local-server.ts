import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { UNRESTRICTED_CALLER } from '../auth/caller.js';
import type { Config } from '../config.js';
import { acceptedMediaType, type DirectExecution, isDirectCandidate } from '../graphql/direct-execution.js';
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

/** The app's answer to a request whose body was already read: rebuilt as a fetch Request. */
// biome-ignore lint/suspicious/noExplicitAny: any Hono app.
async function answerWithApp(app: Hono<any>, req: IncomingMessage, res: ServerResponse, body: Buffer) {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  const response = await app.fetch(
    new Request(`http://${header(req, 'host') ?? 'localhost'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: new Uint8Array(body),
    }),
  );
  const out = Buffer.from(await response.arrayBuffer());
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') outHeaders[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) outHeaders['set-cookie'] = cookies;
  res.writeHead(response.status, { ...outHeaders, 'content-length': out.length });
  res.end(out);
}

/**
 * The local server (`npm start`, and the tests' stack): Node's HTTP server with hono's listener,
 * and in front of it the direct GraphQL execution the Lambda handler also uses, for a JSON
 * `POST /graphql` from a non-browser client when AUTH_MODE=none (the local default). Requests it
 * declines after reading the body are answered by the app from that body.
 */
export function createLocalServer({
  app,
  executeDirectly,
  config,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any Hono app.
  app: Hono<any>;
  executeDirectly: DirectExecution;
  config: Config;
}): Server {
  const listener = getRequestListener(app.fetch);
  const direct = config.auth.mode === 'none';
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
      const length = Number(header(req, 'content-length'));
      const mediaType = acceptedMediaType(header(req, 'accept'));
      const candidate =
        direct &&
        req.method === 'POST' &&
        req.url === '/graphql' &&
        mediaType !== undefined &&
        header(req, 'transfer-encoding') === undefined &&
        length > 0 &&
        length <= config.limits.maxBodyBytes &&
        isDirectCandidate({
          contentType: header(req, 'content-type'),
          origin: header(req, 'origin'),
          secFetchSite: header(req, 'sec-fetch-site'),
        });
      if (!candidate || !mediaType) {
        void listener(req, res);
        return;
      }
      const requestId = chooseRequestId(undefined, header(req, 'x-request-id'));
      void (async () => {
        const body = await readBody(req);
        const answer = await executeDirectly({
          body: body.toString('utf8'),
          mediaType,
          requestId,
          caller: UNRESTRICTED_CALLER,
        });
        if (!answer) return answerWithApp(app, req, res, body);
        res.writeHead(answer.status, {
          'content-type': `${answer.mediaType}; charset=utf-8`,
          'content-length': Buffer.byteLength(answer.body),
          'x-request-id': requestId,
        });
        res.end(answer.body);
      })().catch(() => {
        // Nothing internal leaves: the same masked answer the app gives to the unexpected.
        if (res.headersSent) return res.destroy();
        res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': requestId });
        res.end(
          JSON.stringify({
            error: {
              code: 'INTERNAL_SERVER_ERROR',
              message: 'Unexpected error.',
              retryable: false,
              requestId,
            },
          }),
        );
      });
    },
  );
  server.on('clientError', answerClientError);
  return server;
}
