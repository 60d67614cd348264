import { describe, expect, it } from 'vitest';
import { mapAwsField } from '../../src/aws/field-paths.js';

describe('mapAwsField', () => {
  it.each([
    ['EngagementIdentifier', 'engagementIdentifier'],
    ['ChangeSet[3].Entity.Identifier', 'changeSet[3].entity.identifier'],
    ['ChangeSet[0].EntityTags[2].Key', 'changeSet[0].entityTags[2].key'],
    ['ChangeSet[0].DetailsDocument.Some.Type[1]', 'changeSet[0].detailsDocument.Some.Type[1]'],
    ['Details.ProductTitle', 'details.ProductTitle'],
  ])('%s -> %s', (aws, ours) => {
    expect(mapAwsField(aws)).toBe(ours);
  });

  it('answers null for a field it does not know', () => {
    expect(mapAwsField('Unknown.Field')).toBeNull();
    expect(mapAwsField('')).toBeNull();
  });
});
