import {
  MarketplaceCatalogClient,
  type MarketplaceCatalogClientConfig,
} from '@aws-sdk/client-marketplace-catalog';
import {
  PartnerCentralSellingClient,
  type PartnerCentralSellingClientConfig,
} from '@aws-sdk/client-partnercentral-selling';
import { afterAll, beforeAll, expect } from 'vitest';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../src/emulator/index.js';

/** The real SDK clients, pointed at an emulator, as the facade will use them. */

const base = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  maxAttempts: 1,
};

export const pcsClient = (url: string, config: PartnerCentralSellingClientConfig = {}) =>
  new PartnerCentralSellingClient({ ...base, endpoint: url, ...config });

export const mpcClient = (url: string, config: MarketplaceCatalogClientConfig = {}) =>
  new MarketplaceCatalogClient({ ...base, endpoint: url, ...config });

interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}

const token = (count: number, delay: number): RetryToken => ({
  getRetryCount: () => count,
  getRetryDelay: () => delay,
});

/**
 * The SDK's standard retry decisions (only THROTTLING and TRANSIENT errors) with a 10 ms delay
 * instead of the 1 s throttling backoff, to keep the suite fast.
 */
export const fastRetry = (maxAttempts: number) => ({
  maxAttempts,
  retryStrategy: {
    acquireInitialRetryToken: async () => token(0, 0),
    refreshRetryTokenForRetry: async (previous: RetryToken, info: { errorType: string }) => {
      const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
      if (!retryable || previous.getRetryCount() + 1 >= maxAttempts)
        throw new Error('No retry token available');
      return token(previous.getRetryCount() + 1, 10);
    },
    recordSuccess: () => {},
  },
});

/** What the SDK throws: a service exception with members, or a transport/parse error. */
export interface CaughtError extends Error {
  $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  $fault?: string;
  code?: string;
  [member: string]: unknown;
}

/** The error a promise rejects with; fails the test when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<CaughtError> {
  try {
    await promise;
  } catch (error) {
    return error as CaughtError;
  }
  expect.fail('expected the call to fail');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const SNAPSHOT_KEY = {
  Catalog: 'Sandbox',
  EngagementIdentifier: 'eng-a1b2c3d4e5f6g7',
  ResourceType: 'Opportunity',
  ResourceIdentifier: 'O1234567890',
  ResourceSnapshotTemplateIdentifier: 'OpportunitySummary',
} as const;

export const SAAS_PRODUCT = { Type: 'SaaSProduct@1.0', Identifier: 'prod-example00001' };
export const OFFER = { Type: 'Offer@1.0', Identifier: 'offer-example0001' };

export interface EmulatorWithClients {
  emu: RunningEmulator;
  pcs: PartnerCentralSellingClient;
  mpc: MarketplaceCatalogClient;
}

/** An emulator and both SDK clients for the tests of one file, started before them and closed after. */
export function useEmulatorWithClients(
  options: () => EmulatorOptions | Promise<EmulatorOptions> = () => ({}),
): EmulatorWithClients {
  const t = {} as EmulatorWithClients;
  beforeAll(async () => {
    t.emu = await startEmulator(await options());
    t.pcs = pcsClient(t.emu.url);
    t.mpc = mpcClient(t.emu.url);
  });
  afterAll(async () => {
    t.pcs.destroy();
    t.mpc.destroy();
    await t.emu.close();
  });
  return t;
}
