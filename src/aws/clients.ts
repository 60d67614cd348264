import type { Logger } from '@aws-lambda-powertools/logger';
import {
  MarketplaceCatalogClient,
  type MarketplaceCatalogClientConfig,
} from '@aws-sdk/client-marketplace-catalog';
import {
  PartnerCentralSellingClient,
  type PartnerCentralSellingClientConfig,
} from '@aws-sdk/client-partnercentral-selling';
import type { Config } from '../config.js';
import { BoundedHttpHandler, DEADLINE_LINK, deadlineLink } from './bounded-http-handler.js';
import { REQUEST_ID_LOGGING, requestIdLogging } from './request-id-logging.js';
import { WARM_UP_TRANSPORT, warmUpTransport } from './warm-up-transport.js';

export interface AwsClients {
  partnerCentral: PartnerCentralSellingClient;
  marketplace: MarketplaceCatalogClient;
}

/** Settings both clients accept; used for the emulator's endpoint and by tests (e.g. maxAttempts). */
export type ClientOverrides = Pick<
  PartnerCentralSellingClientConfig & MarketplaceCatalogClientConfig,
  'endpoint' | 'credentials' | 'maxAttempts' | 'retryStrategy' | 'region'
>;

/** Optional middleware: request-id logging (with a logger) and the warm-up transport (Lambda's init). */
export interface ClientMiddleware {
  logger?: Logger;
  warmUpTransport?: boolean;
}

/**
 * One client per service per process. In `aws` mode nothing here competes with the SDK's own
 * configuration: no endpoint, no credentials, and maxAttempts only when AWS_MAX_ATTEMPTS is unset
 * (a value in code would override the variable). No network happens at construction.
 */
export function createAwsClients(
  aws: Config['aws'],
  overrides: ClientOverrides = {},
  middleware: ClientMiddleware = {},
): AwsClients {
  const common = () => ({
    region: aws.region,
    // One handler (and socket pool) per client. Each attempt, headers and body, is short enough
    // that all attempts fit inside API Gateway's 29 s; its socket is freed when it or the call ends.
    requestHandler: new BoundedHttpHandler({
      connectionTimeoutMs: aws.connectionTimeoutMs,
      attemptTimeoutMs: aws.requestTimeoutMs,
      maxSockets: aws.maxSockets,
    }),
    cacheMiddleware: true,
    ...(aws.maxAttemptsFromEnv ? {} : { maxAttempts: 3 }),
    ...overrides,
  });
  const clients = {
    partnerCentral: new PartnerCentralSellingClient(common()),
    marketplace: new MarketplaceCatalogClient(common()),
  };
  for (const client of [clients.partnerCentral, clients.marketplace]) {
    const stack = client.middlewareStack as unknown as MiddlewareAdder;
    if (middleware.logger) stack.add(requestIdLogging(middleware.logger), REQUEST_ID_LOGGING);
    stack.add(deadlineLink, DEADLINE_LINK);
    if (middleware.warmUpTransport) stack.add(warmUpTransport, WARM_UP_TRANSPORT);
  }
  return clients;
}

// Both stacks accept any deserialize middleware; their declared types are per service.
type MiddlewareAdder = { add(middleware: unknown, options: object): void };

/** Credentials the emulator accepts; it checks that requests are signed, not by whom. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' };
