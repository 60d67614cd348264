/** A finished change set the emulator seeds (docs/emulator.md). */
export const SEEDED_CHANGE_SET = 'examplesucceeded000000001';

// The seeded opportunity, in the argument of both snapshot examples.
const SNAPSHOT_KEY = `input: {
      catalog: SANDBOX
      engagementIdentifier: "eng-a1b2c3d4e5f6g7"
      resourceType: OPPORTUNITY
      resourceIdentifier: "O1234567890"
      resourceSnapshotTemplateIdentifier: "OpportunitySummary"
    }`;

/**
 * The operations GraphiQL opens with, one tab each. They use the emulator's seed data, so they
 * succeed out of the box with `npm start` (the cancel tab needs the id its first operation
 * returns); against real AWS, use your own identifiers. test/graphql/graphiql-examples.test.ts runs them.
 */
export const EXAMPLE_TABS: Array<{ query: string; variables?: string }> = [
  {
    query: `mutation CreateSnapshot {
  createResourceSnapshot(
    ${SNAPSHOT_KEY}
  ) {
    arn
    revision
    clientToken
  }
}
`,
  },
  {
    query: `mutation StartChangeSet {
  startChangeSet(
    input: {
      changeSetName: "Update product title"
      changeSet: [
        {
          changeType: "UpdateInformation"
          entity: { type: "SaaSProduct@1.0", identifier: "prod-example00001" }
          detailsDocument: { ProductTitle: "Example SaaS product" }
        }
      ]
    }
  ) {
    changeSetId
    changeSetArn
    clientRequestToken
  }
}
`,
  },
  {
    query: `query LatestSnapshot {
  resourceSnapshot(
    ${SNAPSHOT_KEY}
  ) {
    arn
    revision
    createdAt
    createdBy
    payload
  }
}
`,
  },
  {
    query: `# A change set the emulator seeds (finished); use one of yours against AWS.
query ChangeSet($changeSetId: ID!) {
  changeSet(changeSetId: $changeSetId) {
    changeSetId
    changeSetName
    status
    startTime
    endTime
    failureCode
    changes { changeType entity { type identifier } errors { code message } }
  }
}
`,
    variables: JSON.stringify({ changeSetId: SEEDED_CHANGE_SET }, null, 2),
  },
  {
    query: `# Your change sets of the last 60 days, newest first; pass nextToken back for the next page.
query ChangeSets {
  changeSets(input: { status: [SUCCEEDED, FAILED, CANCELLED], maxResults: 5 }) {
    items {
      changeSetId
      changeSetName
      status
      startTime
      endTime
      entityIdList
      failureCode
    }
    nextToken
  }
}
`,
  },
  {
    query: `# The entity as it is now: read it before you change it.
query Entity {
  entity(input: { entityId: "prod-example00001" }) {
    entityId
    entityType
    entityArn
    lastModifiedDate
    detailsDocument
  }
}
`,
  },
  {
    query: `# Only a PREPARING change set can be cancelled: run StartToCancel, then at once
# CancelChangeSet with its changeSetId in the variables (with \`npm start\`, a change set is
# PREPARING for its first 1.5 s; EMULATOR_CHANGE_SET_DURATION_MS=60000 gives you a minute).
mutation StartToCancel {
  startChangeSet(
    input: {
      changeSetName: "Change to cancel"
      changeSet: [
        {
          changeType: "UpdateInformation"
          entity: { type: "Offer@1.0", identifier: "offer-example0001" }
          detailsDocument: { Name: "Renamed offer" }
        }
      ]
    }
  ) {
    changeSetId
  }
}

mutation CancelChangeSet($changeSetId: ID!) {
  cancelChangeSet(input: { changeSetId: $changeSetId }) {
    changeSetId
    changeSetArn
  }
}
`,
    variables: JSON.stringify({ changeSetId: 'the-changeSetId-from-StartToCancel' }, null, 2),
  },
];
