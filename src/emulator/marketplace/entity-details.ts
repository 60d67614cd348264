import { createHash } from 'node:crypto';
import { baseEntityType } from './change-types.js';

/**
 * DescribeEntity's DetailsDocument per entity type, after the shapes of AWS's catalog API
 * (aws-marketplace-catalog-api-shapes): what a freshly created entity of that type shows, and how
 * the change types the emulator models alter it. Other change types only bump the revision.
 */

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const PRODUCT_DESCRIPTION_KEYS = [
  'ProductTitle',
  'ShortDescription',
  'LongDescription',
  'Highlights',
  'SearchKeywords',
  'Categories',
  'Manufacturer',
  'Sku',
];

function productDetails(identifier: string, title: string): Json {
  return {
    Description: {
      ProductTitle: title,
      // Stable per entity, 25 characters like AWS's product codes.
      ProductCode: createHash('sha256').update(identifier).digest('hex').slice(0, 25),
      ShortDescription: 'An example product served by the local emulator.',
      LongDescription: 'A longer description of the example product, as buyers see it on its listing page.',
      Manufacturer: 'Example Corp',
      Visibility: 'Limited',
      Sku: null,
      AssociatedProducts: null,
      Highlights: ['Runs on AWS', 'Pay as you go'],
      SearchKeywords: ['example'],
      Categories: ['Developer Tools'],
    },
    PromotionalResources: {
      LogoUrl: 'https://awsmp-logos.s3.amazonaws.com/example-logo.png',
      Videos: [],
      AdditionalResources: [],
      PromotionalMedia: null,
    },
    SupportInformation: { Description: 'Email support@example.com; we answer within one business day.' },
    Dimensions: [
      {
        Key: 'Users',
        Name: 'Users',
        Description: 'Number of users',
        Unit: 'Users',
        Types: ['Entitled'],
      },
    ],
    Targeting: { PositiveTargeting: { BuyerAccounts: [] } },
    Versions: [],
  };
}

function offerDetails(identifier: string, productId: string | undefined): Json {
  return {
    Id: identifier,
    Name: 'Example public offer',
    Description: 'The public offer of the example product.',
    ProductId: productId ?? null,
    ResaleAuthorizationId: null,
    State: 'Released',
    Targeting: null,
    Rules: [{ Type: 'AvailabilityRule', DateAvailability: { EndDate: null } }],
    Terms: [
      { Type: 'LegalTerm', Documents: [{ Type: 'StandardEula', Version: '2022-07-14' }] },
      {
        Type: 'UsageBasedPricingTerm',
        CurrencyCode: 'USD',
        RateCards: [{ RateCard: [{ DimensionKey: 'Users', Price: '0.10' }] }],
      },
    ],
  };
}

/** The change's details as an object, from DetailsDocument or the Details string. */
export function detailsOf(change: { Details?: string; DetailsDocument?: unknown }): Json {
  if (isObject(change.DetailsDocument)) return change.DetailsDocument;
  if (typeof change.Details === 'string') {
    try {
      const parsed: unknown = JSON.parse(change.Details);
      if (isObject(parsed)) return parsed;
    } catch {
      // validated at StartChangeSet; nothing to apply otherwise
    }
  }
  return {};
}

/** What a new entity of this type looks like; `details` are those of the Create change, if any. */
export function initialDetails(type: string, identifier: string, details: Json = {}): Json {
  const base = baseEntityType(type);
  if (base === 'Offer') {
    const productId = typeof details.ProductId === 'string' ? details.ProductId : undefined;
    return applyChange(type, offerDetails(identifier, productId), 'UpdateInformation', details);
  }
  if (base.endsWith('Product')) {
    const title = typeof details.ProductTitle === 'string' ? details.ProductTitle : `Example ${base}`;
    return applyChange(type, productDetails(identifier, title), 'UpdateInformation', details);
  }
  return {};
}

/** A new DetailsDocument with the change applied (a copy: stored documents are never mutated). */
export function applyChange(type: string, document: Json, changeType: string, details: Json): Json {
  const next = structuredClone(document);
  const base = baseEntityType(type);
  if (changeType !== 'UpdateInformation') return next;
  if (base.endsWith('Product') && isObject(next.Description)) {
    for (const key of PRODUCT_DESCRIPTION_KEYS) {
      if (details[key] !== undefined) next.Description[key] = structuredClone(details[key]);
    }
  }
  if (base === 'Offer') {
    for (const key of ['Name', 'Description']) {
      if (typeof details[key] === 'string') next[key] = details[key];
    }
  }
  return next;
}
