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
      // Every root field nullable (contract §6.2).
      'createResourceSnapshot(input: CreateResourceSnapshotInput!): CreateResourceSnapshotPayload\n',
      'startChangeSet(input: StartChangeSetInput!): StartChangeSetPayload\n',
      'changeSet(catalog: String! = "AWSMarketplace", changeSetId: ID!): ChangeSet\n',
      'resourceSnapshot(input: ResourceSnapshotInput!): ResourceSnapshot\n',
      'cancelChangeSet(input: CancelChangeSetInput!): CancelChangeSetPayload\n',
      'changeSets(input: ListChangeSetsInput): ChangeSetSummaryPage\n',
      'entity(input: MarketplaceEntityInput!): MarketplaceEntity\n',
      'enum PartnerCentralCatalog',
      'enum ChangeSetIntent',
    ]) {
      expect(sdl).toContain(name);
    }
  });
});
