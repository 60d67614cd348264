import type { Logger } from '@aws-lambda-powertools/logger';
import type { LambdaEvent } from 'hono/aws-lambda';
import { withoutNetwork } from '../aws/warm-up-transport.js';
import type { Config } from '../config.js';
import type { OperationMetrics } from '../logging/operation-metrics.js';
import type { LambdaHandler } from './handler.js';
import { WARM_UP_CONTEXT } from './warm-up-context.js';

/**
 * Both mutations with valid input (the emulator's seed values): the whole path runs, from event to
 * response, and each SDK client signs and deserializes once, answered by the warm-up transport.
 */
const BOTH_MUTATIONS = `mutation WarmUp {
  createResourceSnapshot(input: { catalog: SANDBOX, engagementIdentifier: "eng-a1b2c3d4e5f6g7", resourceType: OPPORTUNITY,
    resourceIdentifier: "O1234567890", resourceSnapshotTemplateIdentifier: "OpportunitySummary", clientToken: "warm-up" }) {
    arn revision clientToken
  }
  startChangeSet(input: { clientRequestToken: "warm-up", changeSet: [{ changeType: "UpdateInformation",
    entity: { type: "SaaSProduct@1.0", identifier: "prod-example00001" }, detailsDocument: { ProductTitle: "Warm-up" } }] }) {
    changeSetId changeSetArn clientRequestToken
  }
}`;

// Without credentials in the environment the SDK's chain could reach for the network (IMDS):
// then stop at local validation, before any SDK call.
const LOCALLY_INVALID = BOTH_MUTATIONS.replace('eng-a1b2c3d4e5f6g7', 'not-an-engagement').replace(
  'prod-example00001',
  '',
);

/**
 * A POST /graphql HTTP API (payload 2.0) event as API Gateway sends it after its JWT authorizer,
 * with every scope.
 */
function warmUpEvent(config: Config, query: string): LambdaEvent {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: {
      accept: 'application/graphql-response+json',
      'content-type': 'application/json',
      host: 'warm-up.invalid',
    },
    requestContext: {
      accountId: '000000000000',
      apiId: 'warm-up',
      authorizer: {
        jwt: { claims: { sub: 'warm-up', scope: Object.values(config.auth.scopes).join(' ') }, scopes: null },
        // For AUTH_MODE=iam: the identity API Gateway's IAM authorization passes on.
        iam: { userArn: 'arn:aws:iam::000000000000:user/warm-up' },
      },
      domainName: 'warm-up.invalid',
      domainPrefix: 'warm-up',
      http: {
        method: 'POST',
        path: '/graphql',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'warm-up',
      },
      requestId: 'warm-up',
      routeKey: 'POST /graphql',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body: JSON.stringify({ query }),
    isBase64Encoded: false,
  } as unknown as LambdaEvent;
}

export interface WarmUpDeps {
  /** The Lambda handler itself, so the warm-up takes the path real requests take. */
  handler: LambdaHandler;
  config: Config;
  logger: Logger;
  metrics?: OperationMetrics;
}

/**
 * Pays during Lambda's init (boosted CPU, before the first request waits) for what the first
 * request would otherwise pay: lazy module code, JIT, yoga's and the SDK's first-call setup,
 * credential resolution from the environment. Makes no network call; never fails the init.
 */
export async function warmUp({ handler, config, logger, metrics }: WarmUpDeps): Promise<void> {
  const started = performance.now();
  const withSdk = config.aws.credentialsInEnv;
  const level = logger.getLevelName();
  logger.setLogLevel('SILENT');
  logger.appendKeys({ warmUp: true });
  let status: number | undefined;
  let failure: unknown;
  try {
    const event = warmUpEvent(config, withSdk ? BOTH_MUTATIONS : LOCALLY_INVALID);
    status = (await withoutNetwork(() => handler(event, WARM_UP_CONTEXT))).statusCode;
    // The fast lane only: the general case (hono, REST) stays a lazy chunk. Loading it here would
    // add its load and build to every init (measured: docs/performance.md) for the benefit of only
    // a first request the fast lane does not take.
  } catch (error) {
    failure = error;
  } finally {
    logger.setLogLevel(level);
    logger.resetKeys();
    metrics?.discard();
  }
  const durationMs = Math.round(performance.now() - started);
  if (failure) logger.warn('Warm-up failed; the first request will be slower', { error: failure as Error });
  else logger.debug('Warm-up done', { status, withSdk, durationMs });
}
