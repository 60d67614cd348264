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
 * succeed out of the box with `npm start`; against real AWS, use your own identifiers.
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
    query: `# Paste the changeSetId from StartChangeSet; poll until status is SUCCEEDED.
query ChangeSet($changeSetId: ID!) {
  changeSet(changeSetId: $changeSetId) {
    changeSetId
    status
    startTime
    endTime
    failureCode
    changes { changeType entity { type identifier } errors { code message } }
  }
}
`,
    variables: JSON.stringify({ changeSetId: 'paste-the-changeSetId-from-StartChangeSet' }, null, 2),
  },
];
