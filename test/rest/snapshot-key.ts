import { snapshotInput } from '../support/operations.js';

/** A seeded snapshot's key as query parameters (GET /rest/resource-snapshots). */
export function snapshotKey(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...(snapshotInput() as Record<string, string>), ...overrides };
}
