/**
 * AWS member names -> the facade's input paths (contract §3). Segments after Details or
 * DetailsDocument belong to the client's own document and stay verbatim.
 */
const SEGMENTS: Record<string, string> = {
  Catalog: 'catalog',
  EngagementIdentifier: 'engagementIdentifier',
  ResourceType: 'resourceType',
  ResourceIdentifier: 'resourceIdentifier',
  ResourceSnapshotTemplateIdentifier: 'resourceSnapshotTemplateIdentifier',
  ClientToken: 'clientToken',
  Revision: 'revision',
  ChangeSet: 'changeSet',
  ChangeSetName: 'changeSetName',
  ChangeSetTags: 'changeSetTags',
  ClientRequestToken: 'clientRequestToken',
  Intent: 'intent',
  ChangeType: 'changeType',
  ChangeName: 'changeName',
  Entity: 'entity',
  EntityTags: 'entityTags',
  Type: 'type',
  Identifier: 'identifier',
  Key: 'key',
  Value: 'value',
  Details: 'details',
  DetailsDocument: 'detailsDocument',
  ChangeSetId: 'changeSetId',
  EntityId: 'entityId',
  MaxResults: 'maxResults',
  NextToken: 'nextToken',
};

const VERBATIM_AFTER = new Set(['Details', 'DetailsDocument']);

/** `ChangeSet[1].Entity.Type` -> `changeSet[1].entity.type`; null when any segment is unknown. */
export function mapAwsField(field: string): string | null {
  const parts = field.match(/[^.[\]]+|\[\d+\]/g);
  if (!parts) return null;
  let out = '';
  let verbatim = false;
  for (const part of parts) {
    if (part.startsWith('[')) {
      out += part;
      continue;
    }
    const mapped = verbatim ? part : SEGMENTS[part];
    if (mapped === undefined) return null;
    out += out ? `.${mapped}` : mapped;
    if (VERBATIM_AFTER.has(part)) verbatim = true;
  }
  return out;
}
