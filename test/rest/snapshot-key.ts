import { SEED } from '../support/operations.js';

/** A seeded snapshot's key as query parameters (GET /rest/resource-snapshots). */
export function snapshotKey(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    catalog: 'SANDBOX',
    engagementIdentifier: SEED.engagement,
    resourceType: 'OPPORTUNITY',
    resourceIdentifier: SEED.opportunity,
    resourceSnapshotTemplateIdentifier: SEED.template,
    ...overrides,
  };
}
