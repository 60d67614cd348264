import { MPC_CATALOG, patterned } from './constraints.js';

export const MARKETPLACE_CATALOG = 'AWSMarketplace';
export const CHANGE_SET_INTENTS = ['VALIDATE', 'APPLY'] as const;
export const CHANGE_SET_STATUSES = ['PREPARING', 'APPLYING', 'SUCCEEDED', 'CANCELLED', 'FAILED'] as const;
export const CHANGE_SET_FAILURE_CODES = ['CLIENT_ERROR', 'SERVER_FAULT'] as const;

/** An output enum's description: AWS adds values, which pass through (src/schema/open-enum.ts). */
export function openEnum(values: readonly string[]): string {
  return `One of ${values.join(', ')} today; AWS may add values, which pass through unchanged`;
}

// AWS documents `Catalog` as the fixed value AWSMarketplace and rejects any other.
const catalog = patterned(MPC_CATALOG, 1, 64)
  .refine((v) => v === MARKETPLACE_CATALOG, {
    error: `must be ${MARKETPLACE_CATALOG}`,
    params: { code: 'INVALID_ENUM_VALUE' },
  })
  // The document states the fixed value the refinement enforces.
  .meta({
    description: `Always ${MARKETPLACE_CATALOG}.`,
    enum: [MARKETPLACE_CATALOG],
    default: MARKETPLACE_CATALOG,
  });

/** Every Marketplace Catalog operation's `catalog`: AWSMarketplace, its default and only value. */
export const marketplaceCatalog = catalog.nullish().transform((v) => v ?? MARKETPLACE_CATALOG);
