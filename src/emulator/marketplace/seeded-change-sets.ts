import type { ChangeSetRecord } from './change-set-record.js';
import { changeTypeError } from './change-types.js';
import type { ChangeInput } from './validation.js';

/**
 * Finished change sets that exist before any request, so ListChangeSets and DescribeChangeSet
 * answer out of the box (docs/emulator.md lists them). They touch only the built-in entities.
 */

interface SeededChangeSet {
  id: string;
  name: string;
  start: string;
  end: string;
  cancelled?: true;
  changes: ChangeInput[];
}

const PRODUCT = { Type: 'SaaSProduct@1.0', Identifier: 'prod-example00001' };
const OFFER = { Type: 'Offer@1.0', Identifier: 'offer-example0001' };

export const SEEDED_CHANGE_SETS: readonly SeededChangeSet[] = [
  {
    id: 'examplesucceeded000000001',
    name: 'Update product information',
    start: '2026-11-02T09:00:00Z',
    end: '2026-11-02T09:04:31Z',
    changes: [
      {
        ChangeType: 'UpdateInformation',
        Entity: PRODUCT,
        DetailsDocument: {
          ProductTitle: 'Example SaaS product',
          ShortDescription: 'An example SaaS product served by the local emulator.',
        },
        ChangeName: 'UpdateProductInformation',
      },
    ],
  },
  {
    id: 'examplefailed000000000001',
    name: 'Add dimensions to the offer',
    start: '2026-11-03T14:20:00Z',
    end: '2026-11-03T14:21:07Z',
    // AddDimensions applies to products, not offers: the change set fails with INVALID_CHANGE_TYPE.
    changes: [
      {
        ChangeType: 'AddDimensions',
        Entity: OFFER,
        DetailsDocument: [
          { Key: 'Users', Description: 'Users', Name: 'Users', Types: ['Entitled'], Unit: 'Users' },
        ],
      },
    ],
  },
  {
    id: 'examplecancelled000000001',
    name: 'Update offer availability',
    start: '2026-11-04T10:00:00Z',
    end: '2026-11-04T10:00:42Z',
    cancelled: true,
    changes: [
      {
        ChangeType: 'UpdateAvailability',
        Entity: OFFER,
        DetailsDocument: { AvailabilityEndDate: '2027-12-31' },
      },
    ],
  },
];

export function seededRecords(accountId: string, region: string): ChangeSetRecord[] {
  return SEEDED_CHANGE_SETS.map((s, sequence) => {
    const end = Date.parse(s.end);
    return {
      id: s.id,
      arn: `arn:aws:aws-marketplace:${region}:${accountId}:AWSMarketplace/ChangeSet/${s.id}`,
      name: s.name,
      input: { Catalog: 'AWSMarketplace', ChangeSet: s.changes, ChangeSetName: s.name, Intent: 'APPLY' },
      startedAt: Date.parse(s.start),
      sequence,
      cancelledAt: s.cancelled ? end : undefined,
      endedAt: end,
      errors: s.changes.map((c) => (s.cancelled ? undefined : changeTypeError(c.ChangeType, c.Entity.Type))),
      lockKeys: [],
      settled: false,
      createdIds: new Map(),
    };
  });
}
