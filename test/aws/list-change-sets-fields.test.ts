import { describe, expect, it } from 'vitest';
import { mapAwsField } from '../../src/aws/field-paths.js';
import { fieldPathOf } from '../../src/operations/list-change-sets.js';

// A unit test of a pure function: ListChangeSets' FilterList[i] back onto the input field it came from.
describe('ListChangeSets field paths', () => {
  const path = fieldPathOf(['status', 'entityId', 'startedAfter']);
  const place = (field: string) => path(field) ?? mapAwsField(field);

  it('places a filter by its position in the FilterList the facade sent', () => {
    expect(place('FilterList[0].ValueList[2]')).toBe('status[2]');
    expect(place('FilterList[0]')).toBe('status');
    expect(place('FilterList[1].ValueList[0]')).toBe('entityId');
    expect(place('FilterList[2].ValueList')).toBe('startedAfter');
    expect(place('Sort.SortOrder')).toBe('sortOrder');
    expect(place('MaxResults')).toBe('maxResults');
    expect(place('NextToken')).toBe('nextToken');
  });

  it('null for what the client did not send (a filter index out of range, the facade-chosen SortBy)', () => {
    expect(place('FilterList[7].ValueList[0]')).toBeNull();
    expect(place('FilterList')).toBeNull();
    expect(place('Sort.SortBy')).toBeNull();
  });
});
