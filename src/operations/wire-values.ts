import type { ResourceKey } from '../validation/resource-snapshot-input.js';

/** GraphQL enum values <-> AWS wire values (contract §2). */
export const CATALOG_TO_WIRE = { AWS: 'AWS', SANDBOX: 'Sandbox' } as const;
export const RESOURCE_TYPE_TO_WIRE = { OPPORTUNITY: 'Opportunity' } as const;

export function catalogFromWire(value: string | undefined): keyof typeof CATALOG_TO_WIRE | null {
  if (value === 'AWS') return 'AWS';
  if (value === 'Sandbox') return 'SANDBOX';
  return null;
}

export function resourceTypeFromWire(value: string | undefined): 'OPPORTUNITY' | null {
  return value === 'Opportunity' ? 'OPPORTUNITY' : null;
}

/** A snapshot's key as Partner Central's members. */
export function resourceKeyToWire(key: ResourceKey) {
  return {
    Catalog: CATALOG_TO_WIRE[key.catalog],
    EngagementIdentifier: key.engagementIdentifier,
    ResourceType: RESOURCE_TYPE_TO_WIRE[key.resourceType],
    ResourceIdentifier: key.resourceIdentifier,
    ResourceSnapshotTemplateIdentifier: key.resourceSnapshotTemplateIdentifier,
  };
}
