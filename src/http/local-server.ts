import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { UNRESTRICTED_CALLER } from '../auth/caller.js';
import type { Config } from '../config.js';
import { acceptedMediaType, type DirectExecution, isDirectCandidate } from '../graphql/direct-execution.js';
import { chooseRequestId } from './request-id.js';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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
  return createServer((req, res) => {
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
    void (async () => {
      const body = await readBody(req);
      const requestId = chooseRequestId(undefined, header(req, 'x-request-id'));
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
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.', retryable: false },
        }),
      );
    });
  });
}
