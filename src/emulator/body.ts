import type { IncomingMessage } from 'node:http';
import { requestError } from './errors.js';
import type { Protocol } from './wire.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface RawBody {
  bytes: Buffer;
  tooLarge: boolean;
}

/**
 * Reads the whole body but keeps at most MAX_BODY_BYTES: the rest is drained and dropped, so the
 * client can read our 413 and the keep-alive connection stays usable.
 */
export function readBody(req: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ bytes: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }));
    req.on('error', reject);
    // A client that hangs up mid-body gets no answer; this just ends the wait.
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted'));
    });
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a JSON object body. An empty body counts as `{}` (Smithy's empty input); invalid UTF-8,
 * invalid JSON and non-object JSON become the service's ValidationException.
 */
export function parseJsonObject(protocol: Protocol, bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw requestError(protocol, 'The request body is not valid UTF-8.', 'CannotParse');
  }
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw requestError(protocol, 'The request body could not be parsed as JSON.', 'CannotParse');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw requestError(protocol, 'The request body must be a JSON object.', 'CannotParse');
  }
  return value as Record<string, unknown>;
}
