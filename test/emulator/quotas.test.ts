import {
  CancelChangeSetCommand,
  ServiceQuotaExceededException as MpcQuotaException,
  StartChangeSetCommand,
} from '@aws-sdk/client-marketplace-catalog';
import {
  CreateResourceSnapshotCommand,
  ServiceQuotaExceededException,
} from '@aws-sdk/client-partnercentral-selling';
import { describe, expect, it } from 'vitest';
import { rejectionOf, SNAPSHOT_KEY, useEmulatorWithClients } from './clients.js';

const t = useEmulatorWithClients(() => ({
  maxOpenChangeSets: 2,
  maxSnapshotsPerResource: 2,
  changeSetDurationMs: 60_000,
}));

describe('quotas', () => {
  it('answers 402 ServiceQuotaExceededException beyond maxOpenChangeSets, until one ends', async () => {
    // Create changes name no existing entity, so they lock nothing.
    const createProduct = () =>
      t.mpc.send(
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
    expect(t.emu.stats().created.changeSets).toBe(2);

    await t.mpc.send(
      new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: first.ChangeSetId }),
    );
    expect((await createProduct()).ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
  });

  it('answers 402 beyond maxSnapshotsPerResource revisions of one key only', async () => {
    await t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    await t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    const error = await rejectionOf(t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect(error.$metadata?.httpStatusCode).toBe(402);
    const other = { ...SNAPSHOT_KEY, ResourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView' };
    expect((await t.pcs.send(new CreateResourceSnapshotCommand(other))).Revision).toBe(1);
  });
});
