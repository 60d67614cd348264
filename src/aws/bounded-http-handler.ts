import type { Readable } from 'node:stream';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AbsoluteLocation, DeserializeHandlerOptions, DeserializeMiddleware } from '@smithy/types';

/**
 * Every SDK attempt ends, socket included: at its own timeout, headers AND body (the SDK's
 * `requestTimeout` stops counting once the headers arrive, so an answer that stalls after them held
 * its socket for good), and at the whole call's deadline. Both abort the attempt, which destroys
 * its socket; the pool never fills with stalled answers.
 *
 * The call's deadline reaches the handler without per-call `send` options (which would make the SDK
 * rebuild its middleware stack on every call): `callAws` ties an AbortSignal to the command's input,
 * and a middleware next to the handler ties it to each attempt's request.
 */

const deadlineByInput = new WeakMap<object, AbortSignal>();
const deadlineByRequest = new WeakMap<object, AbortSignal>();

/** Called by callAws: the call whose input this is ends when `signal` aborts. */
export function tieDeadline(input: object, signal: AbortSignal): void {
  deadlineByInput.set(input, signal);
}

// Any deserialize-step middleware sees the request exactly as the handler will get it (signed).
export const DEADLINE_LINK: DeserializeHandlerOptions & AbsoluteLocation = {
  step: 'deserialize',
  priority: 'low',
  name: 'facadeDeadlineLink',
  override: true,
};

/** Per attempt (inside the retry loop): hands the call's deadline to the handler below. */
export const deadlineLink: DeserializeMiddleware<object, object> = (next) => async (args) => {
  const signal = deadlineByInput.get(args.input as object);
  if (signal && args.request) deadlineByRequest.set(args.request as object, signal);
  return next(args);
};

class AttemptTimeout extends Error {
  override name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

export interface BoundedHttpHandlerOptions {
  connectionTimeoutMs: number;
  /** One attempt, from sending the request to the last byte of the answer. */
  attemptTimeoutMs: number;
  /** Sockets per client (per origin). */
  maxSockets: number;
}

export class BoundedHttpHandler extends NodeHttpHandler {
  private readonly attemptTimeoutMs: number;

  constructor(options: BoundedHttpHandlerOptions) {
    super({
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.attemptTimeoutMs,
      // Without it the SDK's own timeout only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
      httpAgent: { keepAlive: true, maxSockets: options.maxSockets },
      httpsAgent: { keepAlive: true, maxSockets: options.maxSockets },
    });
    this.attemptTimeoutMs = options.attemptTimeoutMs;
  }

  override async handle(
    request: Parameters<NodeHttpHandler['handle']>[0],
    options: NonNullable<Parameters<NodeHttpHandler['handle']>[1]> = {},
  ): ReturnType<NodeHttpHandler['handle']> {
    const controller = new AbortController();
    // The SDK's own abortSignal option (unused by the facade, honoured all the same).
    const callerSignal = options.abortSignal as AbortSignal | undefined;
    const deadline = deadlineByRequest.get(request);
    let body: Readable | undefined;
    const abort = (reason: unknown) => {
      if (controller.signal.aborted) return;
      // The body first, so the SDK reads this reason rather than a bare "aborted".
      body?.destroy(reason instanceof Error ? reason : new AttemptTimeout(String(reason)));
      controller.abort(reason);
    };
    const timer = setTimeout(
      () => abort(new AttemptTimeout(`no complete answer within ${this.attemptTimeoutMs} ms`)),
      this.attemptTimeoutMs,
    );
    const onDeadline = () => abort(deadline?.reason);
    const onCallerAbort = () => abort(callerSignal?.reason);
    deadline?.addEventListener('abort', onDeadline, { once: true });
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      deadline?.removeEventListener('abort', onDeadline);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    };
    if (deadline?.aborted) onDeadline();
    try {
      const out = await super.handle(request, { ...options, abortSignal: controller.signal });
      body = out.response.body as Readable;
      // 'close' follows the last byte as well as a destroy: the attempt is over either way.
      if (body.closed || body.destroyed) done();
      else body.once('close', done);
      return out;
    } catch (error) {
      done();
      throw error;
    }
  }
}
