/**
 * Which change types apply to which entity types. A small, illustrative subset of the catalog API:
 * a change outside this table is accepted by StartChangeSet but makes the change set FAILED.
 */

const PRODUCT_CHANGES = [
  'CreateProduct',
  'UpdateInformation',
  'UpdateVisibility',
  'AddDeliveryOptions',
  'UpdateDeliveryOptions',
  'AddDimensions',
  'UpdateDimensions',
  'RestrictDimensions',
  'ReleaseProduct',
  'UpdateTargeting',
  'AddRevisions',
];

const OFFER_CHANGES = [
  'CreateOffer',
  'UpdateInformation',
  'UpdatePricingTerms',
  'UpdateLegalTerms',
  'UpdateSupportTerms',
  'UpdateAvailability',
  'UpdateTargeting',
  'ReleaseOffer',
  'UpdateValidityTerms',
  'UpdatePaymentScheduleTerms',
  'UpdateRenewalTerms',
];

const CHANGE_TYPES: Record<string, readonly string[]> = {
  SaaSProduct: PRODUCT_CHANGES,
  AmiProduct: PRODUCT_CHANGES,
  ContainerProduct: PRODUCT_CHANGES,
  Offer: OFFER_CHANGES,
};

/** Create change types name no existing entity: they make a new one. */
export const isCreateChange = (changeType: string): boolean => /^Create[A-Z]/.test(changeType);

export const baseEntityType = (type: string): string => type.split('@')[0] ?? type;

export interface ChangeError {
  ErrorCode: string;
  ErrorMessage: string;
}

/** Why a change cannot be applied to its entity type, or undefined when it can. */
export function changeTypeError(changeType: string, entityType: string): ChangeError | undefined {
  const base = baseEntityType(entityType);
  if (CHANGE_TYPES[base]?.includes(changeType)) return undefined;
  return {
    ErrorCode: 'INVALID_CHANGE_TYPE',
    ErrorMessage: `Change type ${changeType} is not supported for entity type ${base}.`,
  };
}

/** Prefix of identifiers generated for created entities, after the real catalog's conventions. */
export const identifierPrefix = (entityType: string): string => {
  const base = baseEntityType(entityType);
  if (base === 'Offer') return 'offer';
  return base.endsWith('Product') ? 'prod' : 'entity';
};
