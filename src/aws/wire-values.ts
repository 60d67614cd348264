/** GraphQL enum values <-> AWS wire values (contract §2). */
export const CATALOG_TO_WIRE = { AWS: 'AWS', SANDBOX: 'Sandbox' } as const;
export const RESOURCE_TYPE_TO_WIRE = { OPPORTUNITY: 'Opportunity' } as const;

export function catalogFromWire(value: string | undefined): keyof typeof CATALOG_TO_WIRE | undefined {
  if (value === 'AWS') return 'AWS';
  if (value === 'Sandbox') return 'SANDBOX';
  return undefined;
}

export function resourceTypeFromWire(value: string | undefined): 'OPPORTUNITY' | undefined {
  return value === 'Opportunity' ? 'OPPORTUNITY' : undefined;
}
