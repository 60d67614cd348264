/** The GraphQL documents of the change-set lifecycle operations (contract §6.1), as tests send them. */
export const CANCEL_CHANGE_SET = /* GraphQL */ `
  mutation Cancel($input: CancelChangeSetInput!) {
    cancelChangeSet(input: $input) { changeSetId changeSetArn }
  }
`;

export const LIST_CHANGE_SETS = /* GraphQL */ `
  query List($input: ListChangeSetsInput) {
    changeSets(input: $input) {
      items { changeSetId changeSetArn changeSetName status startTime endTime entityIdList failureCode }
      nextToken
    }
  }
`;

export const DESCRIBE_ENTITY = /* GraphQL */ `
  query Entity($input: MarketplaceEntityInput!) {
    entity(input: $input) { entityId entityType entityArn lastModifiedDate details detailsDocument }
  }
`;
