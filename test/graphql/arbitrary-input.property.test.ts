import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENTED_CODES } from '../support/documented-codes.js';
import { gql } from '../support/graphql-client.js';
import { CREATE_SNAPSHOT, SEED, START_CHANGE_SET } from '../support/operations.js';
import { type Stack, startStack } from '../support/stack.js';

// Near-valid values mixed with noise, so runs reach AWS's rules as well as ours.
const maybe = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    valid,
    fc.string(),
    fc.constant(null),
    fc.integer(),
    fc.string({ unit: 'binary', maxLength: 300 }),
  );

const snapshotInput = fc.record(
  {
    catalog: fc.oneof(fc.constantFrom('AWS', 'SANDBOX'), fc.string()),
    engagementIdentifier: maybe(fc.constantFrom(SEED.engagement, 'eng-00000000000000')),
    resourceType: fc.oneof(fc.constant('OPPORTUNITY'), fc.string()),
    resourceIdentifier: maybe(fc.constantFrom(SEED.opportunity, 'O1', 'O12345678901234567890')),
    resourceSnapshotTemplateIdentifier: maybe(
      fc.constantFrom(SEED.template, 'AwsOpportunitySummaryFullView', 'Nope'),
    ),
    clientToken: maybe(fc.uuid()),
  },
  { requiredKeys: [] },
);

const change = fc.record(
  {
    changeType: maybe(fc.constantFrom('UpdateInformation', 'CreateProduct', 'ReleaseOffer')),
    entity: fc.oneof(
      fc.record({
        type: maybe(fc.constantFrom(SEED.product.type, SEED.offer.type)),
        identifier: maybe(
          fc.constantFrom(SEED.product.identifier, SEED.offer.identifier, '$A.Entity.Identifier'),
        ),
      }),
      fc.anything(),
    ),
    details: maybe(fc.json()),
    detailsDocument: fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.constant(undefined)),
    changeName: maybe(fc.constantFrom('A', 'CreateIt')),
    entityTags: fc.oneof(
      fc.array(fc.record({ key: fc.string(), value: fc.string() }), { maxLength: 3 }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

const changeSetInput = fc.record(
  {
    catalog: maybe(fc.constant('AWSMarketplace')),
    changeSet: fc.oneof(fc.array(change, { maxLength: 22 }), fc.anything()),
    changeSetName: maybe(fc.constant('name')),
    clientRequestToken: maybe(fc.uuid()),
    intent: fc.oneof(fc.constantFrom('VALIDATE', 'APPLY'), fc.string()),
  },
  { requiredKeys: [] },
);

describe('property: arbitrary input yields data or a documented error, never anything else', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 50 } });
  });
  afterAll(() => stack.close());

  function expectWellFormed(res: Awaited<ReturnType<typeof gql<Record<string, unknown>>>>, field: string) {
    expect(res.status).toBeLessThan(500);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/\n\s+at |node_modules|\/src\/|Error:|\$metadata|__type/);
    if (res.body.errors) {
      for (const e of res.body.errors) {
        expect(DOCUMENTED_CODES.has(e.extensions?.code as string), text).toBe(true);
        expect(typeof e.message).toBe('string');
      }
    } else {
      expect(res.body.data?.[field]).toBeTruthy();
    }
  }

  it('createResourceSnapshot', async () => {
    await fc.assert(
      fc.asyncProperty(snapshotInput, async (input) => {
        expectWellFormed(await gql(stack.url, CREATE_SNAPSHOT, { input }), 'createResourceSnapshot');
      }),
      { numRuns: 150 },
    );
  });

  it('startChangeSet', async () => {
    await fc.assert(
      fc.asyncProperty(changeSetInput, async (input) => {
        stack.emulator.reset();
        expectWellFormed(await gql(stack.url, START_CHANGE_SET, { input }), 'startChangeSet');
      }),
      { numRuns: 150 },
    );
  });

  it('an input that fails local validation never reaches AWS', async () => {
    await fc.assert(
      fc.asyncProperty(changeSetInput, async (input) => {
        const before = stack.emulator.stats().requests.StartChangeSet ?? 0;
        const res = await gql(stack.url, START_CHANGE_SET, { input });
        const local = res.body.errors?.find(
          (e) => e.extensions?.code === 'BAD_USER_INPUT' && !e.extensions.aws,
        );
        if (local || res.status === 400) {
          expect(stack.emulator.stats().requests.StartChangeSet ?? 0).toBe(before);
        }
      }),
      { numRuns: 100 },
    );
  });
});
