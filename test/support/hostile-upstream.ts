import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createApp } from '../../src/app.js';
import { type ClientOverrides, createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import { createLocalServer } from '../../src/http/local-server.js';
import { createLogger } from '../../src/logging/logger.js';

/** What the hostile upstream does with one request. */
export type Behaviour =
  | { kind: 'answer'; status?: number; body: unknown }
  /** Sends 200 and its headers, a first byte of the body, then nothing more. */
  | { kind: 'stall-after-headers' }
  /** Reads the request and never answers. */
  | { kind: 'stall' };

export interface HostileUpstream {
  url: string;
  /** Requests received, by AWS operation name (X-Amz-Target's or the REST path's). */
  received: string[];
  /** TCP connections open right now. */
  openConnections(): number;
  close(): Promise<void>;
}

/** The AWS operation a request is for: awsJson1_0's X-Amz-Target, or restJson1's first path segment. */
export function operationOf(req: IncomingMessage): string {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') return target.split('.').at(-1) ?? '';
  return (req.url ?? '/').split(/[/?]/)[1] ?? '';
}

function answer(req: IncomingMessage, res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  const json = req.headers['x-amz-target'] ? 'application/x-amz-json-1.0' : 'application/json';
  res.writeHead(status, {
    'content-type': json,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': `hostile-${randomUUID()}`,
  });
  res.end(text);
}

/**
 * A misbehaving AWS on 127.0.0.1: a raw node:http server whose every answer `behave` chooses
 * (stalls, empty or mistyped bodies). The real SDK clients reach it through the endpoint override.
 */
export async function startHostileUpstream(
  behave: (operation: string, req: IncomingMessage) => Behaviour,
): Promise<HostileUpstream> {
  const sockets = new Set<Socket>();
  const received: string[] = [];
  const server = createServer((req, res) => {
    const operation = operationOf(req);
    received.push(operation);
    req.resume();
    req.on('end', () => {
      const b = behave(operation, req);
      if (b.kind === 'answer') answer(req, res, b.status ?? 200, b.body);
      else if (b.kind === 'stall-after-headers') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 100 });
        res.write('{');
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    openConnections: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface AppOnUpstream {
  url: string;
  clients: ReturnType<typeof createAwsClients>;
  close(): Promise<void>;
}

/** The local server as `npm start` serves it, with the real SDK clients pointed at `endpoint`. */
export async function startAppOn(
  endpoint: string,
  env: Record<string, string> = {},
  clients: ClientOverrides = {},
): Promise<AppOnUpstream> {
  const config = readConfig('local', { LOG_LEVEL: 'SILENT', ...env });
  const aws = createAwsClients(config.aws, { endpoint, credentials: EMULATOR_CREDENTIALS, ...clients });
  const { app, graphql } = createApp({ config, clients: aws, logger: createLogger(config) });
  const server = createLocalServer({ app, graphql, config });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clients: aws,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      aws.partnerCentral.destroy();
      aws.marketplace.destroy();
    },
  };
}
