/** Operations on the emulator's seed data, shared by the Lambda tests and the cold-start bench. */
export const CREATE_SNAPSHOT = `mutation CreateSnapshot {
  createResourceSnapshot(input: { catalog: SANDBOX, engagementIdentifier: "eng-a1b2c3d4e5f6g7",
    resourceType: OPPORTUNITY, resourceIdentifier: "O1234567890",
    resourceSnapshotTemplateIdentifier: "OpportunitySummary" }) { arn revision clientToken }
}`;

export const START_CHANGE_SET = `mutation StartChangeSet {
  startChangeSet(input: { intent: VALIDATE, changeSet: [{ changeType: "UpdateInformation",
    entity: { type: "SaaSProduct@1.0", identifier: "prod-example00001" },
    detailsDocument: { ProductTitle: "From Lambda" } }] }) { changeSetId changeSetArn clientRequestToken }
}`;

export const INVALID_SNAPSHOT = `mutation {
  createResourceSnapshot(input: { catalog: SANDBOX, engagementIdentifier: "nope", resourceType: OPPORTUNITY,
    resourceIdentifier: "O1234567890", resourceSnapshotTemplateIdentifier: "OpportunitySummary" }) { arn }
}`;

export const LATEST_SNAPSHOT = `query Latest {
  resourceSnapshot(input: { catalog: SANDBOX, engagementIdentifier: "eng-a1b2c3d4e5f6g7", resourceType: OPPORTUNITY,
    resourceIdentifier: "O1234567890", resourceSnapshotTemplateIdentifier: "OpportunitySummary" }) { arn revision }
}`;
