import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { requestErrorResponse } from './request-error.js';
import type { AppEnv } from './request-id.js';

/** The body's real size on Lambda, where it is already in the event, whatever Content-Length says. */
function lambdaBodyBytes(event: unknown): number | undefined {
  if (event === null || typeof event !== 'object') return undefined;
  const { body, isBase64Encoded } = event as { body?: unknown; isBase64Encoded?: unknown };
  if (typeof body !== 'string') return undefined;
  return Buffer.byteLength(body, isBase64Encoded === true ? 'base64' : 'utf8');
}

/**
 * 413 PAYLOAD_TOO_LARGE for a body over MAX_BODY_BYTES, before anything parses it. hono's
 * bodyLimit trusts Content-Length when there is one (Node's parser enforces it) and otherwise
 * counts a chunked body as it streams, stopping at the limit; on Lambda the event's body is
 * measured directly.
 */
export function limitBody(maxBytes: number) {
  const tooLarge = (c: Context) =>
    requestErrorResponse(c as Context<AppEnv>, {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than ${maxBytes} bytes.`,
      // The rest of the body is not read: a client must not send its next request on this
      // connection (Lambda has no connection to close).
      headers: c.env?.event ? {} : { connection: 'close' },
    });
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return createMiddleware<AppEnv>(async (c, next) => {
    const size = lambdaBodyBytes(c.env?.event);
    // On Lambda the measured body is the truth; counting it again as a stream costs ~0.3 ms.
    if (size !== undefined) return size > maxBytes ? tooLarge(c) : next();
    // A declared length is enforced by Node's HTTP parser; only an undeclared (chunked) body is
    // counted as it streams. Checked on the headers, so the body stream is not built for nothing.
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return streamed(c, next);
  });
}
