/** What the emulator knows before any request: engagements, snapshot templates, catalog entities. */

export type PartnerCentralCatalog = 'AWS' | 'Sandbox';
export type SnapshotView = 'OpportunitySummary' | 'AwsOpportunitySummaryFullView';

export interface SeedSpend {
  amount: string;
  currencyCode: string;
  frequency: string;
  targetCompany: string;
}

/** An opportunity, in a compact form the snapshot payloads are built from. */
export interface SeedOpportunity {
  id: string;
  opportunityType?: string;
  origin?: string;
  customer: {
    companyName: string;
    industry?: string;
    websiteUrl?: string;
    countryCode?: string;
    city?: string;
    postalCode?: string;
  };
  project?: { customerUseCase?: string; deliveryModels?: string[]; expectedCustomerSpend?: SeedSpend[] };
  lifecycle?: { stage?: string; reviewStatus?: string; targetCloseDate?: string; nextSteps?: string };
}

export interface SeedEngagement {
  id: string;
  /** Catalogs the engagement exists in; both when absent. */
  catalogs?: PartnerCentralCatalog[];
  /** GetResourceSnapshot's TargetMemberAccounts (1..10 account ids); the member is omitted when absent. */
  targetMemberAccounts?: string[];
  opportunities: SeedOpportunity[];
}

/** A snapshot template name and the payload union member its snapshots carry. */
export interface SeedTemplate {
  name: string;
  view: SnapshotView;
}

/** A Marketplace Catalog entity, e.g. { type: 'SaaSProduct@1.0', identifier: 'prod-example00001' }. */
export interface SeedEntity {
  type: string;
  identifier: string;
  /** DescribeEntity's DetailsDocument; a realistic default for the type when absent. */
  details?: Record<string, unknown>;
}

export interface SeedData {
  engagements?: SeedEngagement[];
  templates?: SeedTemplate[];
  entities?: SeedEntity[];
}

export type ResolvedSeed = Required<SeedData>;

export const BUILT_IN_SEED: ResolvedSeed = {
  engagements: [
    {
      id: 'eng-a1b2c3d4e5f6g7',
      catalogs: ['AWS', 'Sandbox'],
      targetMemberAccounts: ['111122223333', '444455556666'],
      opportunities: [
        {
          id: 'O1234567890',
          opportunityType: 'Net New Business',
          origin: 'Partner Referral',
          customer: {
            companyName: 'Example Corp',
            industry: 'Software and Internet',
            websiteUrl: 'https://www.example.com',
            countryCode: 'US',
            city: 'Seattle',
            postalCode: '98101',
          },
          project: {
            customerUseCase: 'Migration / Database Migration',
            deliveryModels: ['SaaS or PaaS'],
            expectedCustomerSpend: [
              { amount: '25000.00', currencyCode: 'USD', frequency: 'Monthly', targetCompany: 'AWS' },
            ],
          },
          lifecycle: {
            stage: 'Qualified',
            reviewStatus: 'Approved',
            targetCloseDate: '2027-06-30',
            nextSteps: 'Schedule the technical validation workshop',
          },
        },
      ],
    },
  ],
  templates: [
    { name: 'OpportunitySummary', view: 'OpportunitySummary' },
    { name: 'AwsOpportunitySummaryFullView', view: 'AwsOpportunitySummaryFullView' },
  ],
  entities: [
    { type: 'SaaSProduct@1.0', identifier: 'prod-example00001' },
    { type: 'Offer@1.0', identifier: 'offer-example0001' },
  ],
};

/** Catalog entity key: type without `@version`, identifier without `@revision`. */
export const entityKey = (type: string, identifier: string): string =>
  `${type.split('@')[0]}/${identifier.split('@')[0]}`;

function mergeBy<T>(
  items: T[],
  key: (item: T) => string,
  combine: (old: T, next: T) => T = (_o, n) => n,
): T[] {
  const merged = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const old = merged.get(k);
    merged.set(k, old === undefined ? item : combine(old, item));
  }
  return [...merged.values()];
}

/**
 * Later seeds win: engagements merge by id (their opportunities by id, catalogs replaced when
 * given), templates by name, entities by key.
 */
export function mergeSeeds(...seeds: (SeedData | undefined)[]): ResolvedSeed {
  const all = seeds.filter((s): s is SeedData => s !== undefined);
  const engagements = mergeBy(
    all.flatMap((s) => s.engagements ?? []),
    (e) => e.id,
    (old, next) => ({
      id: next.id,
      catalogs: next.catalogs ?? old.catalogs,
      targetMemberAccounts: next.targetMemberAccounts ?? old.targetMemberAccounts,
      opportunities: mergeBy([...old.opportunities, ...next.opportunities], (o) => o.id),
    }),
  );
  return {
    engagements,
    templates: mergeBy(
      all.flatMap((s) => s.templates ?? []),
      (t) => t.name,
    ),
    entities: mergeBy(
      all.flatMap((s) => s.entities ?? []),
      (e) => entityKey(e.type, e.identifier),
    ),
  };
}
