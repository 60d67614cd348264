import {
  DescribeChangeSetCommand,
  AccessDeniedException as MpcAccessDeniedException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import {
  AccessDeniedException,
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { beforeEach, describe, expect, it } from 'vitest';
import { OFFER, rejectionOf, SAAS_PRODUCT, SNAPSHOT_KEY, useEmulatorWithClients } from './clients.js';

const t = useEmulatorWithClients(() => ({ changeSetDurationMs: 60_000 }));
beforeEach(() => t.emu.reset());

const start = (ChangeSet: StartChangeSetCommandInput['ChangeSet']) =>
  t.mpc.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet }));
const fieldList = async (ChangeSet: StartChangeSetCommandInput['ChangeSet']) => {
  const error = await rejectionOf(start(ChangeSet));
  expect(error).toBeInstanceOf(ValidationException);
  expect(error.$metadata?.httpStatusCode).toBe(422);
  return error.ValidationExceptionFieldList as Record<string, unknown>[];
};

describe('Marketplace ValidationExceptionFieldList forms', () => {
  it('places errors inside details relative to the change, by ChangeType, EntityType and EntityId', async () => {
    const list = await fieldList([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { ProductTitle: '' } },
      {
        ChangeType: 'UpdateInformation',
        Entity: OFFER,
        Details: JSON.stringify({ Name: 'x'.repeat(151), Description: 'fine' }),
      },
    ]);
    expect(list).toEqual([
      {
        Reason: 'FieldValidationFailed',
        Field: 'Details.ProductTitle',
        Message: 'Details.ProductTitle must be between 1 and 255 characters long',
        ChangeType: 'UpdateInformation',
        EntityType: 'SaaSProduct@1.0',
        EntityId: 'prod-example00001',
      },
      {
        Reason: 'FieldValidationFailed',
        Field: 'Details.Name',
        Message: 'Details.Name must be between 1 and 150 characters long',
        ChangeType: 'UpdateInformation',
        EntityType: 'Offer@1.0',
        EntityId: 'offer-example0001',
      },
    ]);
  });

  it('gives a Create change, which names no entity, its ChangeType and EntityType but no EntityId', async () => {
    const list = await fieldList([
      {
        ChangeType: 'CreateProduct',
        Entity: { Type: 'SaaSProduct@1.0' },
        DetailsDocument: { ProductTitle: 42, Highlights: ['ok', '', 'ok', 'four'] },
      },
    ]);
    expect(list.map((f) => f.Field)).toEqual([
      'Details.ProductTitle',
      'Details.Highlights',
      'Details.Highlights[1]',
    ]);
    for (const entry of list) {
      expect(entry).toMatchObject({ ChangeType: 'CreateProduct', EntityType: 'SaaSProduct@1.0' });
      expect(entry).not.toHaveProperty('EntityId');
    }
  });

  it('mixes absolute ChangeSet[i] paths and relative Details paths in one answer', async () => {
    const list = await fieldList([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { Categories: [] } },
      { ChangeType: 'UpdateInformation', Entity: { Type: 'Offer@1.0', Identifier: 'bad id' } },
    ]);
    expect(list).toEqual([
      expect.objectContaining({ Field: 'Details.Categories', EntityId: 'prod-example00001' }),
      expect.objectContaining({ Field: 'ChangeSet[1].Entity.Identifier', EntityId: 'bad id' }),
    ]);
    // Unknown members of the details, and change types the emulator does not model, are accepted.
    await start([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { Whatever: [1, { a: 2 }] } },
      { ChangeType: 'UpdateAvailability', Entity: OFFER, DetailsDocument: { Name: 7 } },
    ]);
  });

  it('keeps seeded and created change sets readable after a rejected start', async () => {
    await fieldList([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, Details: '{"ProductTitle":""}' },
    ]);
    expect(t.emu.stats().created.changeSets).toBe(0);
    const seeded = await t.mpc.send(
      new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'examplesucceeded000000001' }),
    );
    expect(seeded.Status).toBe('SUCCEEDED');
  });
});

describe('AccessDeniedException Reason', () => {
  it('carries the configured Reason on Partner Central, with a message about the account state', async () => {
    t.emu.setFaults({ accessDenied: true, accessDeniedReason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' });
    const error = await rejectionOf(t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.Reason).toBe('INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE');
    expect(error.message).toContain('partner account');
    expect(error.message).not.toContain('not authorized');
    // Marketplace's AccessDeniedException has no Reason member.
    const mpc = await rejectionOf(start([{ ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT }]));
    expect(mpc).toBeInstanceOf(MpcAccessDeniedException);
    expect(mpc).not.toHaveProperty('Reason');
  });

  it('passes a Reason AWS may add later through the SDK, and sends none unless configured', async () => {
    t.emu.setFaults({ accessDenied: true, accessDeniedReason: 'SOME_FUTURE_REASON' });
    const future = await rejectionOf(t.pcs.send(new GetResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(future.Reason).toBe('SOME_FUTURE_REASON');
    t.emu.setFaults({ accessDenied: true });
    const plain = await rejectionOf(t.pcs.send(new GetResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(plain).toBeInstanceOf(AccessDeniedException);
    expect(plain.Reason).toBeUndefined();
    expect(plain.message).toBe('User is not authorized to perform GetResourceSnapshot');
  });

  it('rejects a Reason that is not an upper-case code', () => {
    expect(() => t.emu.setFaults({ accessDenied: true, accessDeniedReason: 'not a code' })).toThrow(
      /faults\.accessDeniedReason/,
    );
  });
});

describe('GetResourceSnapshot members and timestamps', () => {
  it('returns TargetMemberAccounts and a CreatedAt with milliseconds on the wire', async () => {
    await t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    const snapshot = await t.pcs.send(new GetResourceSnapshotCommand(SNAPSHOT_KEY));
    expect(snapshot.TargetMemberAccounts).toEqual(['111122223333', '444455556666']);

    const raw = await fetch(t.emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AWSPartnerCentralSelling.GetResourceSnapshot',
      },
      body: JSON.stringify(SNAPSHOT_KEY),
    });
    const body = (await raw.json()) as { CreatedAt: string };
    expect(body.CreatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((snapshot.CreatedAt as Date).toISOString()).toBe(body.CreatedAt);
  });
});
