import type { AbsoluteLocation, DeserializeHandlerOptions, DeserializeMiddleware } from '@smithy/types';

/**
 * Lets a cold start exercise the whole SDK pipeline (serialize, endpoint, sign, retry, deserialize)
 * without a single socket: inside `withoutNetwork`, the last middleware before the HTTP handler
 * answers with a canned 200 instead of calling it. Outside, it only passes the request on.
 *
 * A plain flag, not AsyncLocalStorage: Lambda delivers no invocation while init runs, so nothing
 * else can be in flight, and AsyncLocalStorage would put a hook on every promise of the process
 * for its whole life (measured: ~170 us per request).
 */
let offline = false;

export async function withoutNetwork<T>(fn: () => Promise<T>): Promise<T> {
  offline = true;
  try {
    return await fn();
  } finally {
    offline = false;
  }
}

// Just enough for each operation's deserializer to produce a well-formed output.
const CANNED: Record<string, { contentType: string; body: string }> = {
  CreateResourceSnapshotCommand: {
    contentType: 'application/x-amz-json-1.0',
    body: JSON.stringify({
      Arn: 'arn:aws:partnercentral:us-east-1:000000000000:catalog/Sandbox/engagement/eng-warmup000000000/resource-snapshot/warm-up',
      Revision: 1,
    }),
  },
  StartChangeSetCommand: {
    contentType: 'application/json',
    body: JSON.stringify({
      ChangeSetId: 'warmup',
      ChangeSetArn: 'arn:aws:aws-marketplace:us-east-1:000000000000:AWSMarketplace/ChangeSet/warmup',
    }),
  },
};

export const WARM_UP_TRANSPORT: DeserializeHandlerOptions & AbsoluteLocation = {
  step: 'deserialize',
  priority: 'low',
  name: 'facadeWarmUpTransport',
  override: true,
};

export const warmUpTransport: DeserializeMiddleware<object, object> = (next, context) => async (args) => {
  if (!offline) return next(args);
  const canned = CANNED[context.commandName ?? ''] ?? { contentType: 'application/json', body: '{}' };
  const response = {
    statusCode: 200,
    reason: 'OK',
    headers: { 'content-type': canned.contentType, 'x-amzn-requestid': 'warm-up' },
    body: Buffer.from(canned.body),
  };
  // The HTTP handler's shape: the deserializer reads `response`; `output` is filled in by it.
  return { response, output: undefined } as unknown as Awaited<ReturnType<typeof next>>;
};
