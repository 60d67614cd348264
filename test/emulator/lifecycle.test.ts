import {
  CancelChangeSetCommand,
  type ChangeStatus,
  DescribeChangeSetCommand,
  type DescribeChangeSetCommandOutput,
  type MarketplaceCatalogClient,
  ResourceInUseException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
} from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { mpcClient, OFFER, rejectionOf, SAAS_PRODUCT, sleep } from './clients.js';

const DURATION_MS = 1_200;
let emu: RunningEmulator;
let mpc: MarketplaceCatalogClient;

beforeAll(async () => {
  emu = await startEmulator({ changeSetDurationMs: DURATION_MS });
  mpc = mpcClient(emu.url);
});
afterAll(async () => {
  mpc.destroy();
  await emu.close();
});
beforeEach(() => emu.reset());

const start = (ChangeSet: StartChangeSetCommandInput['ChangeSet'], Intent: 'APPLY' | 'VALIDATE' = 'APPLY') =>
  mpc.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet, Intent }));
const describeSet = (ChangeSetId: string | undefined) =>
  mpc.send(new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));
const updateProduct = [{ ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT }];

/** Polls until the status is reached; fails after a generous multiple of the duration. */
async function waitFor(
  id: string | undefined,
  status: ChangeStatus,
): Promise<DescribeChangeSetCommandOutput> {
  const deadline = Date.now() + DURATION_MS * 8;
  for (;;) {
    const described = await describeSet(id);
    if (described.Status === status) return described;
    if (Date.now() > deadline) expect.fail(`still ${described.Status}, expected ${status}`);
    await sleep(15);
  }
}

describe('change set lifecycle', () => {
  it('goes PREPARING -> APPLYING -> SUCCEEDED, locking its entity until it ends', async () => {
    const { ChangeSetId } = await start(updateProduct);
    expect((await describeSet(ChangeSetId)).Status).toBe('PREPARING');
    expect(await rejectionOf(start(updateProduct))).toBeInstanceOf(ResourceInUseException);

    const applying = await waitFor(ChangeSetId, 'APPLYING');
    expect(applying.EndTime).toBeUndefined();
    expect(await rejectionOf(start(updateProduct))).toBeInstanceOf(ResourceInUseException);
    const cancel = await rejectionOf(
      mpc.send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId })),
    );
    expect(cancel).toBeInstanceOf(ResourceInUseException);
    expect(cancel.$metadata?.httpStatusCode).toBe(423);

    const done = await waitFor(ChangeSetId, 'SUCCEEDED');
    expect(done.EndTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(done.EndTime).toHaveLength(20);
    expect(done.FailureCode).toBeUndefined();
    expect((await start(updateProduct)).ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
  });

  it('ends FAILED with CLIENT_ERROR and per-change errors for a change type the entity does not support', async () => {
    const { ChangeSetId } = await start([
      { ChangeType: 'UpdatePricingTerms', Entity: OFFER },
      { ChangeType: 'AddDimensions', Entity: OFFER, ChangeName: 'Dims' },
    ]);
    const failed = await waitFor(ChangeSetId, 'FAILED');
    expect(failed.FailureCode).toBe('CLIENT_ERROR');
    expect(failed.FailureDescription).toContain('1 of 2 changes failed');
    expect(failed.EndTime).toHaveLength(20);
    expect(failed.ChangeSet?.[0]?.ErrorDetailList).toEqual([]);
    expect(failed.ChangeSet?.[1]?.ErrorDetailList).toEqual([
      { ErrorCode: 'INVALID_CHANGE_TYPE', ErrorMessage: expect.stringContaining('AddDimensions') },
    ]);
    // The lock is gone once the change set has failed.
    await start([{ ChangeType: 'UpdatePricingTerms', Entity: OFFER }]);
  });

  it('creates entities on APPLY, resolving references, and the new entity can then be changed', async () => {
    const { ChangeSetId } = await start([
      { ChangeType: 'CreateOffer', Entity: { Type: 'Offer@1.0' }, ChangeName: 'NewOffer' },
      {
        ChangeType: 'UpdatePricingTerms',
        Entity: { Type: 'Offer@1.0', Identifier: '$NewOffer.Entity.Identifier' },
      },
    ]);
    const done = await waitFor(ChangeSetId, 'SUCCEEDED');
    const created = done.ChangeSet?.[0]?.Entity?.Identifier;
    expect(created).toMatch(/^offer-[a-z0-9]{13}$/);
    expect(done.ChangeSet?.[1]?.Entity?.Identifier).toBe(created);

    const update = await start([
      { ChangeType: 'UpdateInformation', Entity: { Type: 'Offer@1.0', Identifier: created } },
    ]);
    expect(update.ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
  });

  it('never mutates entities with Intent VALIDATE', async () => {
    const { ChangeSetId } = await start(
      [{ ChangeType: 'CreateProduct', Entity: { Type: 'SaaSProduct@1.0' } }],
      'VALIDATE',
    );
    const done = await waitFor(ChangeSetId, 'SUCCEEDED');
    expect(done.Intent).toBe('VALIDATE');
    expect(done.ChangeSet?.[0]?.Entity?.Identifier).toBeUndefined();
  });

  it('stays CANCELLED after the duration has passed', async () => {
    const { ChangeSetId } = await start(updateProduct);
    await mpc.send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));
    await sleep(DURATION_MS + 50);
    const described = await describeSet(ChangeSetId);
    expect(described.Status).toBe('CANCELLED');
    expect(described.ChangeSet?.[0]?.ErrorDetailList).toEqual([]);
  });
});
