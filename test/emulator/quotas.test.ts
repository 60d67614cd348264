import {
  CancelChangeSetCommand,
  type MarketplaceCatalogClient,
  ServiceQuotaExceededException as MpcQuotaException,
  StartChangeSetCommand,
} from '@aws-sdk/client-marketplace-catalog';
import {
  CreateResourceSnapshotCommand,
  type PartnerCentralSellingClient,
  ServiceQuotaExceededException,
} from '@aws-sdk/client-partnercentral-selling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { mpcClient, pcsClient, rejectionOf, SNAPSHOT_KEY } from './clients.js';

let emu: RunningEmulator;
let pcs: PartnerCentralSellingClient;
let mpc: MarketplaceCatalogClient;

beforeAll(async () => {
  emu = await startEmulator({
    maxOpenChangeSets: 2,
    maxSnapshotsPerResource: 2,
    changeSetDurationMs: 60_000,
  });
  pcs = pcsClient(emu.url);
  mpc = mpcClient(emu.url);
});
afterAll(async () => {
  pcs.destroy();
  mpc.destroy();
  await emu.close();
});

describe('quotas', () => {
  it('answers 402 ServiceQuotaExceededException beyond maxOpenChangeSets, until one ends', async () => {
    // Create changes name no existing entity, so they lock nothing.
    const createProduct = () =>
      mpc.send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSet: [{ ChangeType: 'CreateProduct', Entity: { Type: 'SaaSProduct@1.0' } }],
        }),
      );
    const first = await createProduct();
    await createProduct();
    const error = await rejectionOf(createProduct());
    expect(error).toBeInstanceOf(MpcQuotaException);
    expect(error.$metadata?.httpStatusCode).toBe(402);
    expect(emu.stats().created.changeSets).toBe(2);

    await mpc.send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }));
    expect((await createProduct()).ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
  });

  it('answers 402 beyond maxSnapshotsPerResource revisions of one key only', async () => {
    await pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    await pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    const error = await rejectionOf(pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect(error.$metadata?.httpStatusCode).toBe(402);
    const other = { ...SNAPSHOT_KEY, ResourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView' };
    expect((await pcs.send(new CreateResourceSnapshotCommand(other))).Revision).toBe(1);
  });
});
