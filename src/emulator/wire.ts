import type { ServerResponse } from 'node:http';

/** awsJson1_0 (Partner Central Selling) or restJson1 (Marketplace Catalog). */
export type Protocol = 'partner-central' | 'marketplace';

const PCS_NAMESPACE = 'com.amazonaws.partnercentralselling';
// Not a modelled shape: Coral-based JSON services report it from their framework namespace.
const FRAMEWORK_ERRORS: Record<string, string> = { UnknownOperationException: 'com.amazon.coral.service' };

/** An AWS error to send in the service's own format; thrown by handlers. */
export class ServiceError extends Error {
  constructor(
    readonly errorName: string,
    readonly status: number,
    message: string,
    readonly members: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = errorName;
  }
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CONTENT_TYPE: Record<Protocol, string> = {
  'partner-central': 'application/x-amz-json-1.0',
  marketplace: 'application/json',
};

export function successReply(protocol: Protocol, output: unknown): Reply {
  return { status: 200, headers: { 'Content-Type': CONTENT_TYPE[protocol] }, body: JSON.stringify(output) };
}

/**
 * awsJson1_0 errors carry the full shape id in `__type` (which the SDK reads first) and restJson1
 * errors the bare name in `x-amzn-ErrorType`; both send it in the header too. Members never include
 * a top-level `code`, which the SDK would take for the error name.
 */
export function errorReply(protocol: Protocol, error: ServiceError): Reply {
  const { code: _dropped, Code: _alsoDropped, ...members } = error.members;
  const headers = { 'Content-Type': CONTENT_TYPE[protocol], 'x-amzn-ErrorType': error.errorName };
  if (protocol === 'marketplace') {
    return { status: error.status, headers, body: JSON.stringify({ Message: error.message, ...members }) };
  }
  const namespace = FRAMEWORK_ERRORS[error.errorName] ?? PCS_NAMESPACE;
  const body = { __type: `${namespace}#${error.errorName}`, Message: error.message, ...members };
  return { status: error.status, headers, body: JSON.stringify(body) };
}

/** What a broken proxy in front of the service would send. */
export function malformedReply(): Reply {
  return {
    status: 502,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
  };
}

/** Writes a reply with a fresh request id; `Date` is added by node:http (sendDate). */
export function writeReply(res: ServerResponse, reply: Reply, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, {
    ...reply.headers,
    'x-amzn-RequestId': requestId,
    'Content-Length': String(Buffer.byteLength(reply.body)),
  });
  res.end(reply.body);
}
