import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { cancelChangeSet } from '../../src/operations/cancel-change-set.js';
import { createResourceSnapshot } from '../../src/operations/create-resource-snapshot.js';
import { describeChangeSet } from '../../src/operations/describe-change-set.js';
import { describeEntity } from '../../src/operations/describe-entity.js';
import { getResourceSnapshot } from '../../src/operations/get-resource-snapshot.js';
import { listChangeSets } from '../../src/operations/list-change-sets.js';
import { startChangeSet } from '../../src/operations/start-change-set.js';
import { fastParser, INVALID } from '../../src/validation/fast-parse.js';

// Each field as valid values only, or as anything (valid, near-valid, wrong types, null, absent).
interface Field {
  valid: fc.Arbitrary<unknown>;
  any: fc.Arbitrary<unknown>;
}
const noise = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constant(null),
  fc.constant(''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.object({ maxDepth: 1 }),
);
const field = (valid: fc.Arbitrary<unknown>, near: fc.Arbitrary<unknown> = noise): Field => ({
  valid,
  any: fc.oneof({ arbitrary: valid, weight: 3 }, near, noise),
});
const text = (valid: string[], near: string[] = ['']) =>
  field(fc.constantFrom(...valid), fc.constantFrom(...near, ...valid));
const optional = (f: Field): Field => ({ valid: fc.option(f.valid, { nil: undefined }), any: f.any });

/** A record of valid fields (optional ones sometimes absent), or of anything, with an unknown key now and then. */
function shape(fields: Record<string, Field>, required: string[]): Field {
  const valid = fc.record(Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.valid])), {
    requiredKeys: required,
  });
  const anything = fc.record(
    { ...Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.any])), unknownField: fc.string() },
    { requiredKeys: [] },
  );
  return field(valid, anything);
}
const list = (item: Field, min: number, max: number) =>
  field(fc.array(item.valid, { minLength: min, maxLength: max }), fc.array(item.any, { maxLength: max + 2 }));

const resourceKey = {
  catalog: text(['AWS', 'SANDBOX'], ['Sandbox', 'aws']),
  engagementIdentifier: text(['eng-0123456789abcd', 'eng-zzzzzzzzzzzzzz'], ['eng-ABCDEFGHIJKLMN', 'eng-0']),
  resourceType: text(['OPPORTUNITY'], ['Opportunity']),
  resourceIdentifier: text(['O1', 'O1234567890123456789'], ['O12345678901234567890', 'X1']),
  resourceSnapshotTemplateIdentifier: text(
    ['OpportunitySummary', 'abc', 'A'.repeat(80)],
    ['ab', 'A'.repeat(81)],
  ),
};
const KEY = Object.keys(resourceKey);
const tag = shape(
  { key: text(['k', 'a b', 'x'.repeat(128)], ['', 'x'.repeat(129)]), value: text(['v', ''], ['\u0007']) },
  ['key', 'value'],
);
const change = shape(
  {
    changeType: text(['UpdateInformation', 'CreateProduct', 'ReleaseOffer'], ['lower', '_X']),
    entity: shape(
      {
        type: text(['SaaSProduct@1.0', 'Offer@1.0', 'Offer'], ['Bad@1']),
        identifier: optional(
          text(
            ['prod-example00001', 'prod-1@2', 'offer-1'],
            ['$A.Entity.Identifier', '$Missing.Entity.Identifier', 'a b'],
          ),
        ),
      },
      ['type'],
    ),
    entityTags: optional(list(tag, 1, 3)),
    details: optional(text(['{}', '{"a":1}'], ['[]', '1', 'not json', '{'])),
    changeName: optional(text(['A', 'CreateIt', 'B'], ['Bad1', 'A'.repeat(73)])),
  },
  ['changeType', 'entity'],
);
// detailsDocument as well, with documents that nest too deeply now and then.
const withDocument = fc.record({
  change: change.any,
  detailsDocument: fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant({ a: { b: 1 } }),
    fc.constant(undefined),
  ),
});
const time = field(
  fc.oneof(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
    fc.constantFrom('2026-11-04T10:00:00Z', '2026-11-04T10:00:00.123+02:00'),
  ),
  fc.oneof(
    fc.date({ noInvalidDate: false }),
    fc.constantFrom('2026-11-04', '2026-02-30T00:00:00Z', '2026-11-04T10:00:00'),
  ),
);

const CASES: Array<[string, z.ZodType, fc.Arbitrary<unknown>]> = [
  [
    'createResourceSnapshot',
    createResourceSnapshot.input,
    shape(
      {
        ...resourceKey,
        clientToken: optional(text(['t', 'x'.repeat(255), '😀'.repeat(255)], ['x'.repeat(256), 'a\nb'])),
      },
      KEY,
    ).any,
  ],
  [
    'resourceSnapshot',
    getResourceSnapshot.input,
    shape(
      {
        ...resourceKey,
        revision: optional(field(fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(0, -1, 1.5))),
      },
      KEY,
    ).any,
  ],
  [
    'startChangeSet',
    startChangeSet.input,
    fc.oneof(
      shape(
        {
          catalog: optional(text(['AWSMarketplace'], ['Other', 'AWS Marketplace'])),
          changeSet: list(change, 1, 3),
          changeSetName: optional(text(['name', 'a b+c=d.e:f@g-h'], ['bad!'])),
          changeSetTags: optional(list(tag, 1, 2)),
          clientRequestToken: optional(text(['token-1', '!~'], [' space', 'x'.repeat(65)])),
          intent: optional(text(['VALIDATE', 'APPLY'], ['apply'])),
        },
        ['changeSet'],
      ).any,
      fc.record({
        changeSet: fc.array(
          withDocument.map(({ change, detailsDocument }) =>
            typeof change === 'object' && change !== null ? { ...change, detailsDocument } : change,
          ),
          { maxLength: 3 },
        ),
      }),
    ),
  ],
  [
    'changeSet',
    describeChangeSet.input,
    shape(
      {
        catalog: optional(text(['AWSMarketplace'], ['x'])),
        changeSetId: text(['abc', 'a-b_c'], ['a b', 'x'.repeat(256)]),
      },
      ['changeSetId'],
    ).any,
  ],
  [
    'cancelChangeSet',
    cancelChangeSet.input,
    shape({ catalog: optional(text(['AWSMarketplace'])), changeSetId: text(['abc'], ['a/b']) }, [
      'changeSetId',
    ]).any,
  ],
  [
    'changeSets',
    listChangeSets.input,
    shape(
      {
        catalog: optional(text(['AWSMarketplace'])),
        status: optional(list(text(['PREPARING', 'SUCCEEDED', 'FAILED'], ['nope']), 1, 10)),
        changeSetName: optional(text(['name'])),
        entityId: optional(text(['prod-1'])),
        startedAfter: optional(time),
        startedBefore: optional(time),
        endedAfter: optional(time),
        endedBefore: optional(time),
        sortOrder: optional(text(['ASCENDING', 'DESCENDING'], ['UP'])),
        maxResults: optional(field(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, 21, 2.5))),
        nextToken: optional(text(['abc+/=', 'x'], ['a b'])),
      },
      [],
    ).any,
  ],
  [
    'entity',
    describeEntity.input,
    shape({ catalog: optional(text(['AWSMarketplace'])), entityId: text(['prod-1'], ['a@b']) }, ['entityId'])
      .any,
  ],
];

describe('the fast input check agrees with zod', () => {
  it.each(CASES)('%s: its schema compiles to a fast check', (_name, schema) => {
    expect(fastParser(schema)).toBeTypeOf('function');
  });

  it.each(CASES)('%s: valid and invalid alike, on arbitrary input', (_name, schema, input) => {
    const fast = fastParser(schema) as (value: unknown) => unknown;
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(input, (value) => {
        const parsed = schema.safeParse(value);
        const quick = fast(value);
        if (parsed.success) {
          valid++;
          expect(quick).not.toBe(INVALID);
          expect(quick).toEqual(parsed.data);
        } else {
          invalid++;
          expect(quick).toBe(INVALID);
        }
      }),
      { numRuns: 1500 },
    );
    // Both ways are exercised, not only one.
    expect(valid).toBeGreaterThan(50);
    expect(invalid).toBeGreaterThan(50);
  });
});
