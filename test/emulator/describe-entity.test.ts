import {
  DescribeChangeSetCommand,
  DescribeEntityCommand,
  AccessDeniedException as MpcAccessDeniedException,
  ResourceNotFoundException,
  StartChangeSetCommand,
  type StartChangeSetCommandInput,
  ValidationException,
} from '@aws-sdk/client-marketplace-catalog';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CaughtError, OFFER, rejectionOf, SAAS_PRODUCT, useEmulatorWithClients } from './clients.js';

// Change sets finish at once here, so their effects show right away.
const t = useEmulatorWithClients(() => ({
  changeSetDurationMs: 0,
  seedData: {
    entities: [
      {
        type: 'ContainerProduct@1.0',
        identifier: 'prod-container0001',
        details: { Description: { ProductTitle: 'Box' } },
      },
    ],
  },
}));
beforeEach(() => t.emu.reset());

const describeEntity = (EntityId: string | undefined, Catalog = 'AWSMarketplace') =>
  t.mpc.send(new DescribeEntityCommand({ Catalog, EntityId }));
const start = (ChangeSet: StartChangeSetCommandInput['ChangeSet']) =>
  t.mpc.send(new StartChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSet }));
type Field = { Field?: string };
const fields = (error: CaughtError) => (error.ValidationExceptionFieldList as Field[]).map((f) => f.Field);

describe('DescribeEntity', () => {
  it('describes the seeded product as the seeded SUCCEEDED change set left it', async () => {
    const product = await describeEntity('prod-example00001');
    expect(product).toMatchObject({
      EntityType: 'SaaSProduct@1.0',
      EntityIdentifier: 'prod-example00001@2',
      EntityArn:
        'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/SaaSProduct/prod-example00001',
      LastModifiedDate: '2026-11-02T09:04:31Z',
      DetailsDocument: {
        Description: {
          ProductTitle: 'Example SaaS product',
          ShortDescription: 'An example SaaS product served by the local emulator.',
          Visibility: 'Limited',
        },
        Dimensions: [{ Key: 'Users', Types: ['Entitled'] }],
      },
    });
    expect(JSON.parse(product.Details ?? '')).toEqual(product.DetailsDocument);
  });

  it('describes the seeded offer, unchanged by the FAILED and CANCELLED change sets', async () => {
    const offer = await describeEntity('offer-example0001');
    expect(offer).toMatchObject({
      EntityType: 'Offer@1.0',
      EntityIdentifier: 'offer-example0001@1',
      EntityArn: 'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/Offer/offer-example0001',
      LastModifiedDate: '2026-10-01T12:00:00Z',
      DetailsDocument: {
        Id: 'offer-example0001',
        ProductId: 'prod-example00001',
        State: 'Released',
        Terms: [{ Type: 'LegalTerm' }, {}],
      },
    });
  });

  it('uses the details of a seeded entity as given', async () => {
    const box = await describeEntity('prod-container0001');
    expect(box.EntityType).toBe('ContainerProduct@1.0');
    expect(box.DetailsDocument).toEqual({ Description: { ProductTitle: 'Box' } });
  });

  it('reflects a succeeded change set: details, revision and LastModifiedDate', async () => {
    const before = Date.now();
    await start([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, Details: '{"ProductTitle":"Renamed"}' },
      { ChangeType: 'UpdateInformation', Entity: OFFER, DetailsDocument: { Name: 'Renamed offer' } },
    ]);
    const product = await describeEntity('prod-example00001');
    expect(product.EntityIdentifier).toBe('prod-example00001@3');
    expect(
      (product.DetailsDocument as { Description: { ProductTitle: string } }).Description.ProductTitle,
    ).toBe('Renamed');
    const modified = Date.parse(product.LastModifiedDate ?? '');
    expect(modified).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(modified).toBeLessThanOrEqual(Date.now());
    expect(product.LastModifiedDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect((await describeEntity('offer-example0001')).DetailsDocument).toMatchObject({
      Name: 'Renamed offer',
    });
  });

  it('leaves the entity alone for a FAILED change set and for Intent VALIDATE', async () => {
    await start([
      { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { ProductTitle: 'Lost' } },
      { ChangeType: 'UpdatePricingTerms', Entity: SAAS_PRODUCT },
    ]);
    await t.mpc.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        Intent: 'VALIDATE',
        ChangeSet: [
          { ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT, DetailsDocument: { ProductTitle: 'No' } },
        ],
      }),
    );
    const product = await describeEntity('prod-example00001');
    expect(product.EntityIdentifier).toBe('prod-example00001@2');
    expect(product.LastModifiedDate).toBe('2026-11-02T09:04:31Z');
  });

  it('describes an entity created by a change set, with the details of its Create change', async () => {
    const { ChangeSetId } = await start([
      {
        ChangeType: 'CreateProduct',
        Entity: { Type: 'SaaSProduct@1.0' },
        DetailsDocument: { ProductTitle: 'Brand new' },
      },
    ]);
    const described = await t.mpc.send(
      new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }),
    );
    const id = described.ChangeSet?.[0]?.Entity?.Identifier ?? '';
    const created = await describeEntity(id);
    expect(created).toMatchObject({
      EntityType: 'SaaSProduct@1.0',
      EntityIdentifier: `${id}@1`,
      DetailsDocument: { Description: { ProductTitle: 'Brand new' } },
    });
  });

  it('answers 404 for an unknown entity and 422 for bad query parameters', async () => {
    const missing = await rejectionOf(describeEntity('prod-doesnotexist'));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    expect(missing.message).toContain('prod-doesnotexist');
    const bad = await rejectionOf(describeEntity('prod-example00001@2', 'AWS'));
    expect(bad).toBeInstanceOf(ValidationException);
    expect(bad.$metadata?.httpStatusCode).toBe(422);
    expect(fields(bad)).toEqual(['Catalog', 'EntityId']);
    expect(fields(await rejectionOf(t.mpc.send(new DescribeEntityCommand({} as never))))).toEqual([
      'Catalog',
      'EntityId',
    ]);
  });

  it('gets the same faults as the other operations', async () => {
    t.emu.setFaults({ accessDenied: true, operations: ['DescribeEntity'] });
    const denied = await rejectionOf(describeEntity('prod-example00001'));
    expect(denied).toBeInstanceOf(MpcAccessDeniedException);
    expect(denied.$metadata?.httpStatusCode).toBe(403);
    expect(t.emu.stats().requests.DescribeEntity).toBe(1);
  });
});
