import { type CallSite, translateAwsError } from './translate-error.js';

/** The error a call gets when the whole deadline passes; translated like the SDK's own timeouts. */
class DeadlineExceeded extends Error {
  override name = 'TimeoutError';
}

/**
 * Every AWS call goes through here: one deadline over all of the SDK's attempts and backoff (so an
 * answer always beats API Gateway's 29 s), and one translation of whatever goes wrong.
 *
 * The deadline is a timer raced against the call, not an `abortSignal`: passing any per-call
 * options to `send` makes the SDK rebuild its middleware stack on every call (`cacheMiddleware`
 * only works without them), and `AbortSignal.timeout` is costly in Node. A call that loses the race
 * still ends at its attempt's own `requestTimeout`; a client that retries reuses its idempotency token.
 */
export async function callAws<Out>(
  site: CallSite,
  deadlineMs: number,
  send: () => Promise<Out>,
): Promise<Out> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    return await Promise.race([send(), deadline]);
  } catch (error) {
    throw translateAwsError(error, site);
  } finally {
    clearTimeout(timer);
  }
}
