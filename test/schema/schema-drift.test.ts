import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../../src/schema/print.js';

describe('schema/schema.graphql', () => {
  it('is the sorted SDL of the code-first schema (run `npm run schema:print` after a schema change)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSortedSchema());
  });

  it('has the contract names', () => {
    const sdl = printSortedSchema();
    for (const name of [
      'createResourceSnapshot(input: CreateResourceSnapshotInput!): CreateResourceSnapshotPayload!',
      'startChangeSet(input: StartChangeSetInput!): StartChangeSetPayload!',
      'changeSet(catalog: String! = "AWSMarketplace", changeSetId: ID!): ChangeSet!',
      'resourceSnapshot(input: ResourceSnapshotInput!): ResourceSnapshot!',
      'enum PartnerCentralCatalog',
      'enum ChangeSetIntent',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
