import { describe, expect, it } from 'vitest';
import { type PlacedChange, placeMpcField } from '../../src/aws/mpc-field-placement.js';

// A unit test of a pure function: Marketplace's Field forms onto the facade's input paths.
const CHANGES: PlacedChange[] = [
  { changeType: 'UpdateInformation', entity: { type: 'SaaSProduct@1.0', identifier: 'prod-1' } },
  {
    changeType: 'UpdateInformation',
    entity: { type: 'Offer@1.0', identifier: 'offer-1@3' },
    detailsDocument: { Name: 'x' },
  },
  { changeType: 'CreateProduct', entity: { type: 'SaaSProduct@1.0' } },
  { changeType: 'CreateOffer', entity: { type: 'Offer@1.0' } },
  { changeType: 'CreateOffer', entity: { type: 'Offer@1.0' } },
];
const place = (entry: Parameters<typeof placeMpcField>[0]) => placeMpcField(entry, CHANGES);

describe('placeMpcField', () => {
  it('absolute paths map member by member, details members verbatim', () => {
    expect(place({ Field: 'ChangeSet[2].Entity.Type' })).toBe('changeSet[2].entity.type');
    expect(place({ Field: 'ChangeSet[0].Details.Highlights[1]' })).toBe('changeSet[0].details.Highlights[1]');
    expect(place({ Field: 'ChangeSetTags[0].Value' })).toBe('changeSetTags[0].value');
    expect(place({ Field: 'Catalog', ChangeType: 'UpdateInformation' })).toBe('catalog');
  });

  it('relative paths are placed by ChangeType + EntityType + EntityId, @revision ignored', () => {
    const entry = { Field: 'Details.ProductTitle', ChangeType: 'UpdateInformation' };
    expect(place({ ...entry, EntityType: 'SaaSProduct@1.0', EntityId: 'prod-1' })).toBe(
      'changeSet[0].details.ProductTitle',
    );
    // AWS says Details for both forms: the path names the one the client sent.
    expect(place({ ...entry, Field: 'Details.Name', EntityId: 'offer-1' })).toBe(
      'changeSet[1].detailsDocument.Name',
    );
    expect(place({ ...entry, Field: 'Entity.Identifier', EntityId: 'prod-1@2' })).toBe(
      'changeSet[0].entity.identifier',
    );
  });

  it('a Create change (no EntityId) is found by ChangeType and EntityType among changes with no identifier', () => {
    expect(
      place({ Field: 'Details.ProductTitle', ChangeType: 'CreateProduct', EntityType: 'SaaSProduct@1.0' }),
    ).toBe('changeSet[2].details.ProductTitle');
  });

  it('null rather than a guess: no such change, several that fit, no ChangeType, unknown members', () => {
    expect(place({ Field: 'Details.Name', ChangeType: 'CreateOffer', EntityType: 'Offer@1.0' })).toBeNull();
    expect(place({ Field: 'Details.X', ChangeType: 'UpdateInformation', EntityId: 'prod-9' })).toBeNull();
    expect(place({ Field: 'Details.X' })).toBeNull();
    expect(placeMpcField({ Field: 'Details.X', ChangeType: 'UpdateInformation' })).toBeNull();
    expect(place({ Field: 'Nonsense.Member' })).toBeNull();
    expect(place({})).toBeNull();
  });
});
