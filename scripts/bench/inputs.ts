import { randomUUID } from 'node:crypto';

/**
 * The same inputs for every path: a snapshot of the seeded opportunity, and a change set that
 * creates a product (no entity to lock, so back-to-back requests never wait on each other).
 */
export const SNAPSHOT_INPUT = {
  catalog: 'SANDBOX',
  engagementIdentifier: 'eng-a1b2c3d4e5f6g7',
  resourceType: 'OPPORTUNITY',
  resourceIdentifier: 'O1234567890',
  resourceSnapshotTemplateIdentifier: 'OpportunitySummary',
} as const;

export const CHANGE_SET_INPUT = {
  changeSetName: 'bench',
  changeSet: [
    {
      changeType: 'CreateProduct',
      entity: { type: 'SaaSProduct@1.0' },
      detailsDocument: { ProductTitle: 'Bench' },
    },
  ],
};

export const CREATE_SNAPSHOT_QUERY =
  'mutation($input: CreateResourceSnapshotInput!) { createResourceSnapshot(input: $input) { arn revision clientToken } }';
export const START_CHANGE_SET_QUERY =
  'mutation($input: StartChangeSetInput!) { startChangeSet(input: $input) { changeSetId changeSetArn clientRequestToken } }';

export type Mutation = 'createResourceSnapshot' | 'startChangeSet';

/** A GraphQL request body with a fresh token, as a client that lets the facade choose would not need. */
export function graphqlBody(mutation: Mutation): string {
  return mutation === 'createResourceSnapshot'
    ? JSON.stringify({
        query: CREATE_SNAPSHOT_QUERY,
        variables: { input: { ...SNAPSHOT_INPUT, clientToken: randomUUID() } },
      })
    : JSON.stringify({
        query: START_CHANGE_SET_QUERY,
        variables: { input: { ...CHANGE_SET_INPUT, clientRequestToken: randomUUID() } },
      });
}
