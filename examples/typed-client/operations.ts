import { graphql } from './generated/gql.js';

/** The operations of the example client; `npx graphql-codegen` types them from the schema. */
export const ENTITY = graphql(`
  query ExampleEntity($input: MarketplaceEntityInput!) {
    entity(input: $input) { entityId entityType lastModifiedDate detailsDocument }
  }
`);

export const CHANGE_SETS = graphql(`
  query ExampleChangeSets($input: ListChangeSetsInput) {
    changeSets(input: $input) { items { changeSetId status startTime entityIdList } nextToken }
  }
`);

export const CHANGE_SET = graphql(`
  query ExampleChangeSet($changeSetId: ID!) {
    changeSet(changeSetId: $changeSetId) { id changeSetId status startTime endTime }
  }
`);
