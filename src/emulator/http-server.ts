import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { MAX_BODY_BYTES, parseJsonObject, type RawBody, readBody } from './body.js';
import type { Delays } from './delays.js';
import {
  accessDeniedError,
  internalError,
  requestError,
  throttlingError,
  unknownOperationError,
} from './errors.js';
import type { FaultDecision, FaultInjector } from './faults.js';
import { type Route, routeRequest } from './routing.js';
import type { StatsRecorder } from './stats.js';
import { errorReply, malformedReply, type Reply, ServiceError, successReply, writeReply } from './wire.js';

export type OperationHandler = (body: Record<string, unknown>, query: URLSearchParams) => unknown;

export interface ServerDeps {
  faults: FaultInjector;
  stats: StatsRecorder;
  delays: Delays;
  handlers: Record<string, OperationHandler>;
  isClosed: () => boolean;
}

// Operations whose input travels in the body; the others bind it to the query string.
const BODY_OPERATIONS = new Set([
  'CreateResourceSnapshot',
  'GetResourceSnapshot',
  'StartChangeSet',
  'ListChangeSets',
]);

const isAmzJson = (contentType: string | undefined): boolean =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-amz-json-1.0';

function answer(
  deps: ServerDeps,
  route: Route,
  decision: FaultDecision,
  raw: RawBody,
  req: IncomingMessage,
  query: URLSearchParams,
): Reply {
  const { protocol } = route;
  const { action } = decision;
  try {
    if (!route.known) throw unknownOperationError(protocol, route.message);
    if (raw.tooLarge) {
      throw requestError(protocol, `The request body exceeds ${MAX_BODY_BYTES} bytes.`, 'Other', 413);
    }
    // Faults come before any business logic, as an overloaded or broken front end would.
    if (action === 'malformed') return malformedReply();
    if (action === 'accessDenied') throw accessDeniedError(protocol, route.operation, decision.reason);
    if (action === 'serverError') throw internalError(protocol);
    if (action === 'throttle') throw throttlingError();
    if (protocol === 'partner-central' && !isAmzJson(req.headers['content-type'])) {
      throw requestError(protocol, 'Content-Type must be application/x-amz-json-1.0.', 'Other');
    }
    const body = BODY_OPERATIONS.has(route.operation) ? parseJsonObject(protocol, raw.bytes) : {};
    const handler = deps.handlers[route.operation];
    if (handler === undefined)
      throw unknownOperationError(protocol, `Operation ${route.operation} is not implemented`);
    return successReply(protocol, handler(body, query));
  } catch (error) {
    if (error instanceof ServiceError) return errorReply(protocol, error);
    // A bug in the emulator: answer like the service would, never with a crash or HTML.
    const internal = internalError(protocol);
    return errorReply(
      protocol,
      new ServiceError(internal.errorName, 500, `Emulator error: ${String(error)}`),
    );
  }
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = randomUUID();
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const route = routeRequest(req.method ?? 'GET', url.pathname, req.headers);
  // Counted before faults, so stats show every attempt a client made.
  if (route.known) deps.stats.request(route.operation);
  const raw = await readBody(req);
  const decision = deps.faults.decide(route.known ? route.operation : undefined);
  await deps.delays.wait(decision.latencyMs);
  if (deps.isClosed()) return;
  if (decision.action === 'reset') {
    req.socket.destroy();
    return;
  }
  writeReply(res, answer(deps, route, decision, raw, req, url.searchParams), requestId);
}

export function createRequestListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(deps, req, res).catch(() => {
      // The client went away mid-request; there is nobody left to answer.
      req.socket.destroy();
    });
  };
}

/** Unparseable HTTP (bad request line, oversized headers): a JSON 400, then close. */
export function onClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify({ Message: 'The request could not be parsed as HTTP.' });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nx-amzn-ErrorType: BadRequestException\r\nx-amzn-RequestId: ${randomUUID()}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
