import {
  CancelChangeSetCommand,
  DescribeChangeSetCommand,
  type MarketplaceCatalogClient,
  ResourceInUseException,
  ResourceNotFoundException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { type CaughtError, mpcClient, OFFER, rejectionOf, SAAS_PRODUCT, UUID } from './clients.js';

// Change sets stay PREPARING for 30 s here; lifecycle.test.ts covers the transitions.
let emu: RunningEmulator;
let mpc: MarketplaceCatalogClient;

beforeAll(async () => {
  emu = await startEmulator({ changeSetDurationMs: 60_000 });
  mpc = mpcClient(emu.url);
});
afterAll(async () => {
  mpc.destroy();
  await emu.close();
});
beforeEach(() => emu.reset());

const start = (input: Partial<StartChangeSetCommandInput> = {}) =>
  mpc.send(
    new StartChangeSetCommand({
      Catalog: 'AWSMarketplace',
      ChangeSet: [
        { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { ProductTitle: 'New' } },
      ],
      ...input,
    }),
  );
const describeSet = (ChangeSetId: string | undefined, Catalog = 'AWSMarketplace') =>
  mpc.send(new DescribeChangeSetCommand({ Catalog, ChangeSetId }));
const cancel = (ChangeSetId: string | undefined) =>
  mpc.send(new CancelChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }));

type Field = { Field?: string; Reason?: string; EntityType?: string; EntityId?: string; ChangeType?: string };
const fields = (error: CaughtError) => (error.ValidationExceptionFieldList as Field[]).map((f) => f.Field);

describe('StartChangeSet, DescribeChangeSet, CancelChangeSet', () => {
  it('starts a change set and describes it as submitted', async () => {
    const started = await start({
      ChangeSetName: 'Update title',
      ChangeSet: [
        {
          ChangeType: 'UpdateInformation',
          Entity: SAAS_PRODUCT,
          Details: '{"ProductTitle":"x"}',
          ChangeName: 'Info',
        },
        { ChangeType: 'UpdatePricingTerms', Entity: OFFER, DetailsDocument: { PricingModel: 'Usage' } },
      ],
    });
    expect(started.ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
    expect(started.ChangeSetArn).toBe(
      `arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/${started.ChangeSetId}`,
    );
    expect(started.$metadata.requestId).toMatch(UUID);

    const described = await describeSet(started.ChangeSetId);
    expect(described).toMatchObject({
      ChangeSetId: started.ChangeSetId,
      ChangeSetArn: started.ChangeSetArn,
      ChangeSetName: 'Update title',
      Intent: 'APPLY',
      Status: 'PREPARING',
      ChangeSet: [
        {
          ChangeType: 'UpdateInformation',
          Entity: SAAS_PRODUCT,
          Details: '{"ProductTitle":"x"}',
          ChangeName: 'Info',
          ErrorDetailList: [],
        },
        { ChangeType: 'UpdatePricingTerms', Entity: OFFER, DetailsDocument: { PricingModel: 'Usage' } },
      ],
    });
    expect(described.StartTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(described.EndTime).toBeUndefined();
    expect(described.FailureCode).toBeUndefined();
  });

  it('cancels a PREPARING change set, sets EndTime and releases its locks', async () => {
    const started = await start();
    expect(await rejectionOf(start())).toBeInstanceOf(ResourceInUseException);

    const cancelled = await cancel(started.ChangeSetId);
    expect(cancelled.ChangeSetId).toBe(started.ChangeSetId);
    expect(cancelled.ChangeSetArn).toBe(started.ChangeSetArn);
    const described = await describeSet(started.ChangeSetId);
    expect(described.Status).toBe('CANCELLED');
    expect(described.EndTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    expect((await start()).ChangeSetId).toMatch(/^[a-z0-9]{25}$/);
    const again = await rejectionOf(cancel(started.ChangeSetId));
    expect(again).toBeInstanceOf(ValidationException);
    expect(again.$metadata?.httpStatusCode).toBe(422);
    expect(again.message).toContain('CANCELLED');
  });

  it('answers 423 ResourceInUseException for an entity locked by a PREPARING change set, creating nothing', async () => {
    const first = await start();
    const error = await rejectionOf(
      start({
        ChangeSet: [
          { ChangeType: 'UpdateVisibility', Entity: { ...SAAS_PRODUCT, Identifier: 'prod-example00001@7' } },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ResourceInUseException);
    expect(error.$metadata?.httpStatusCode).toBe(423);
    expect(error.message).toContain(first.ChangeSetId);
    expect(emu.stats().created.changeSets).toBe(1);
    // Another entity is not locked.
    await start({ ChangeSet: [{ ChangeType: 'UpdateInformation', Entity: OFFER }] });
  });

  it('replays a ClientRequestToken before the lock check: same ChangeSetId, nothing created', async () => {
    const first = await start({ ClientRequestToken: 'mpc-token-1' });
    const again = await start({ ClientRequestToken: 'mpc-token-1' });
    expect(again.ChangeSetId).toBe(first.ChangeSetId);
    expect(again.ChangeSetArn).toBe(first.ChangeSetArn);
    expect(emu.stats().created.changeSets).toBe(1);
    expect(emu.stats().tokens).toEqual({ 'mpc-token-1': 1 });
  });

  it('treats an omitted Intent as APPLY when comparing a replay, and rejects a changed request', async () => {
    const first = await start({ ClientRequestToken: 'mpc-token-2' });
    expect((await start({ ClientRequestToken: 'mpc-token-2', Intent: 'APPLY' })).ChangeSetId).toBe(
      first.ChangeSetId,
    );
    const error = await rejectionOf(start({ ClientRequestToken: 'mpc-token-2', Intent: 'VALIDATE' }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(422);
    expect(fields(error)).toEqual(['ClientRequestToken']);
    expect(emu.stats().created.changeSets).toBe(1);
  });

  it('reports every failing field at once, with the change context', async () => {
    const error = await rejectionOf(
      start({
        Catalog: 'AWS',
        ChangeSetName: 'bad/name',
        ClientRequestToken: 'has space',
        ChangeSetTags: [{ Key: 'team', Value: 'a|b' }],
        Intent: 'MAYBE' as never,
        ChangeSet: [
          { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, Details: '[1,2]', ChangeName: 'A1' },
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaS Product', Identifier: 'x' },
            Details: '{}',
            DetailsDocument: {},
          },
          { ChangeType: 'UpdateInformation', Entity: { ...SAAS_PRODUCT, Identifier: 'prod-example00001@2' } },
          {
            ChangeType: 'updateThing',
            Entity: { Type: 'Offer@1.0', Identifier: '$Missing.Entity.Identifier' },
          },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(422);
    expect(error.$metadata?.requestId).toMatch(UUID);
    expect(fields(error)).toEqual([
      'Catalog',
      'ChangeSet[0].Details',
      'ChangeSet[0].ChangeName',
      'ChangeSet[1].Entity.Type',
      'ChangeSet[1].DetailsDocument',
      'ChangeSet[2].ChangeType',
      'ChangeSet[3].ChangeType',
      'ChangeSet[3].Entity.Identifier',
      'ChangeSetName',
      'ClientRequestToken',
      'ChangeSetTags[0].Value',
      'Intent',
    ]);
    expect(error.message).toMatch(/^12 validation errors detected/);
    const list = error.ValidationExceptionFieldList as Field[];
    expect(list.every((f) => f.Reason === 'FieldValidationFailed')).toBe(true);
    expect(list[5]).toMatchObject({
      Field: 'ChangeSet[2].ChangeType',
      EntityType: 'SaaSProduct@1.0',
      EntityId: 'prod-example00001@2',
      ChangeType: 'UpdateInformation',
    });
    expect(emu.stats().created.changeSets).toBe(0);
  });

  it('checks the list sizes and required members', async () => {
    expect(fields(await rejectionOf(start({ ChangeSet: [] })))).toEqual(['ChangeSet']);
    const many = Array.from({ length: 21 }, () => ({
      ChangeType: 'CreateProduct',
      Entity: { Type: 'SaaSProduct@1.0' },
    }));
    expect(fields(await rejectionOf(start({ ChangeSet: many })))).toEqual(['ChangeSet']);
    const missing = await rejectionOf(mpc.send(new StartChangeSetCommand({} as never)));
    expect(fields(missing)).toEqual(['Catalog', 'ChangeSet']);
    const entity = await rejectionOf(start({ ChangeSet: [{ ChangeType: 'UpdateInformation' } as never] }));
    expect(fields(entity)).toEqual(['ChangeSet[0].Entity']);
  });

  it('accepts a $Name.Entity.Identifier reference only to another change', async () => {
    await start({
      ChangeSet: [
        { ChangeType: 'CreateProduct', Entity: { Type: 'SaaSProduct@1.0' }, ChangeName: 'NewProduct' },
        {
          ChangeType: 'UpdateInformation',
          Entity: { Type: 'SaaSProduct@1.0', Identifier: '$NewProduct.Entity.Identifier' },
        },
      ],
    });
    const self = await rejectionOf(
      start({
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'SaaSProduct@1.0', Identifier: '$Me.Entity.Identifier' },
            ChangeName: 'Me',
          },
        ],
      }),
    );
    expect(fields(self)).toEqual(['ChangeSet[0].Entity.Identifier']);
    const create = await rejectionOf(start({ ChangeSet: [{ ChangeType: 'CreateOffer', Entity: OFFER }] }));
    expect(fields(create)).toEqual(['ChangeSet[0].Entity.Identifier']);
  });

  it('answers 404 for an unknown entity and creates nothing', async () => {
    const error = await rejectionOf(
      start({
        ChangeSet: [
          { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-nope' } },
        ],
      }),
    );
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.$metadata?.httpStatusCode).toBe(404);
    // The same identifier under another entity type is another entity.
    const wrongType = await rejectionOf(
      start({
        ChangeSet: [
          { ChangeType: 'UpdateInformation', Entity: { Type: 'Offer@1.0', Identifier: 'prod-example00001' } },
        ],
      }),
    );
    expect(wrongType).toBeInstanceOf(ResourceNotFoundException);
    expect(emu.stats().created.changeSets).toBe(0);
  });

  it('answers 404 for an unknown change set and 422 for bad query parameters', async () => {
    for (const call of [describeSet('abcdefghijklmnopqrstuvwxy'), cancel('abcdefghijklmnopqrstuvwxy')]) {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata?.httpStatusCode).toBe(404);
    }
    const badId = await rejectionOf(describeSet('not an id!'));
    expect(badId).toBeInstanceOf(ValidationException);
    expect(fields(badId)).toEqual(['ChangeSetId']);
    const badCatalog = await rejectionOf(describeSet('abcdefghijklmnopqrstuvwxy', 'AWS'));
    expect(fields(badCatalog)).toEqual(['Catalog']);
    const missing = await rejectionOf(mpc.send(new DescribeChangeSetCommand({} as never)));
    expect(fields(missing)).toEqual(['Catalog', 'ChangeSetId']);
  });
});
