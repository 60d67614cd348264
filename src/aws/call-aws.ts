import { tieDeadline } from './bounded-http-handler.js';
import { type CallSite, translateAwsError } from './translate-error.js';

/** The error a call gets when the whole deadline passes; translated like the SDK's own timeouts. */
class DeadlineExceeded extends Error {
  override name = 'TimeoutError';
}

/**
 * An attempt cut while its body streamed carries the status of the headers it did get (`$metadata`),
 * which would read as an unreadable answer; it is a timeout like any other (no `aws` member).
 */
function cutShort(error: unknown): unknown {
  const e = error as {
    name?: unknown;
    code?: unknown;
    $fault?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  if (typeof e !== 'object' || e === null || e.$fault !== undefined) return error;
  if (typeof e.$metadata?.httpStatusCode !== 'number' || e.code === 'ECONNRESET') return error;
  return e.name === 'TimeoutError' || e.name === 'AbortError' ? new DeadlineExceeded('cut short') : error;
}

/**
 * Every AWS call goes through here: one deadline over all of the SDK's attempts and backoff (so an
 * answer always beats API Gateway's 29 s), and one translation of whatever goes wrong.
 *
 * The deadline is a timer raced against the call, and it aborts the call's attempt in flight
 * (socket included): the command's input is tied to it here, so no caller can forget to. It is not
 * an `abortSignal` option of `send`: any per-call option makes the SDK rebuild its middleware stack
 * on every call (`cacheMiddleware` only works without them). A client that retries reuses its
 * idempotency token.
 */
export async function callAws<C extends { input: object }, Out>(
  site: CallSite,
  deadlineMs: number,
  command: C,
  send: (command: C) => Promise<Out>,
): Promise<Out> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new DeadlineExceeded(`no answer within ${deadlineMs} ms`);
      controller.abort(error);
      reject(error);
    }, deadlineMs);
  });
  // The command's attempts end with the deadline (see src/aws/bounded-http-handler.ts).
  tieDeadline(command.input, controller.signal);
  try {
    return await Promise.race([send(command), deadline]);
  } catch (error) {
    throw translateAwsError(cutShort(error), site);
  } finally {
    clearTimeout(timer);
  }
}
