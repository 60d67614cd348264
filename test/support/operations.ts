/** The operations and inputs the integration tests send, built on the emulator's seed data. */
export const CREATE_SNAPSHOT = /* GraphQL */ `
  mutation Create($input: CreateResourceSnapshotInput!) {
    createResourceSnapshot(input: $input) { arn revision clientToken }
  }
`;

export const GET_SNAPSHOT = /* GraphQL */ `
  query Get($input: ResourceSnapshotInput!) {
    resourceSnapshot(input: $input) {
      id arn revision catalog engagementIdentifier resourceType resourceIdentifier
      resourceSnapshotTemplateIdentifier createdAt createdBy targetMemberAccounts payload
    }
  }
`;

export const START_CHANGE_SET = /* GraphQL */ `
  mutation Start($input: StartChangeSetInput!) {
    startChangeSet(input: $input) { changeSetId changeSetArn clientRequestToken }
  }
`;

export const DESCRIBE_CHANGE_SET = /* GraphQL */ `
  query Describe($id: ID!) {
    changeSet(changeSetId: $id) {
      id changeSetId changeSetArn changeSetName intent status startTime endTime failureCode failureDescription
      changes { changeType changeName entity { type identifier } details detailsDocument errors { code message } }
    }
  }
`;

export const SEED = {
  engagement: 'eng-a1b2c3d4e5f6g7',
  opportunity: 'O1234567890',
  template: 'OpportunitySummary',
  product: { type: 'SaaSProduct@1.0', identifier: 'prod-example00001' },
  offer: { type: 'Offer@1.0', identifier: 'offer-example0001' },
} as const;

export function snapshotInput(overrides: Record<string, unknown> = {}) {
  return {
    catalog: 'SANDBOX',
    engagementIdentifier: SEED.engagement,
    resourceType: 'OPPORTUNITY',
    resourceIdentifier: SEED.opportunity,
    resourceSnapshotTemplateIdentifier: SEED.template,
    ...overrides,
  };
}

export function changeSetInput(overrides: Record<string, unknown> = {}) {
  return {
    changeSetName: 'Update title',
    changeSet: [
      {
        changeType: 'UpdateInformation',
        entity: { ...SEED.product },
        detailsDocument: { ProductTitle: 'New title' },
      },
    ],
    ...overrides,
  };
}
