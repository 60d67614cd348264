"""An independent client for the emulator: boto3 with the botocore models of ../shared/aws-models
(given through AWS_DATA_PATH by boto3.test.ts). Prints one JSON object of what it saw."""
import json
import sys

import boto3
import botocore.exceptions
from botocore.config import Config

url = sys.argv[1]
config = Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=10)
common = dict(
    endpoint_url=url,
    region_name="us-east-1",
    aws_access_key_id="AKIDEXAMPLE",
    aws_secret_access_key="secret",
    config=config,
)
mpc = boto3.client("marketplace-catalog", **common)
pcs = boto3.client("partnercentral-selling", **common)
out = {}


def error_of(call):
    try:
        call()
    except botocore.exceptions.ClientError as error:
        response = dict(error.response)
        response.pop("ResponseMetadata", None)
        response["status"] = error.response["ResponseMetadata"]["HTTPStatusCode"]
        return response
    raise AssertionError("expected the call to fail")


sort = {"SortBy": "StartTime", "SortOrder": "ASCENDING"}
first = mpc.list_change_sets(Catalog="AWSMarketplace", MaxResults=2, Sort=sort)
second = mpc.list_change_sets(Catalog="AWSMarketplace", MaxResults=2, Sort=sort, NextToken=first["NextToken"])
out["pages"] = [[s["ChangeSetId"] for s in page["ChangeSetSummaryList"]] for page in (first, second)]
out["lastToken"] = second.get("NextToken")
out["failedSummary"] = first["ChangeSetSummaryList"][1]
out["filtered"] = [
    s["ChangeSetId"]
    for s in mpc.list_change_sets(
        Catalog="AWSMarketplace", FilterList=[{"Name": "Status", "ValueList": ["SUCCEEDED", "CANCELLED"]}]
    )["ChangeSetSummaryList"]
]
out["listError"] = error_of(lambda: mpc.list_change_sets(Catalog="AWSMarketplace", Sort={"SortBy": "Size"}))

entity = mpc.describe_entity(Catalog="AWSMarketplace", EntityId="prod-example00001")
entity.pop("ResponseMetadata")
out["entity"] = entity
out["entityMissing"] = error_of(lambda: mpc.describe_entity(Catalog="AWSMarketplace", EntityId="prod-none"))

create_product = {
    "ChangeType": "CreateProduct",
    "Entity": {"Type": "SaaSProduct@1.0"},
    "DetailsDocument": {"ProductTitle": ""},
}
out["startError"] = error_of(lambda: mpc.start_change_set(Catalog="AWSMarketplace", ChangeSet=[create_product]))

key = dict(
    Catalog="Sandbox",
    EngagementIdentifier="eng-a1b2c3d4e5f6g7",
    ResourceType="Opportunity",
    ResourceIdentifier="O1234567890",
    ResourceSnapshotTemplateIdentifier="OpportunitySummary",
)
snapshot = pcs.get_resource_snapshot(**key)
out["targetMemberAccounts"] = snapshot.get("TargetMemberAccounts")
out["createdAt"] = snapshot["CreatedAt"].isoformat()
out["denied"] = error_of(lambda: pcs.create_resource_snapshot(ClientToken="boto3-token", **key))
out["unknownTemplate"] = error_of(
    lambda: pcs.get_resource_snapshot(**{**key, "ResourceSnapshotTemplateIdentifier": "NoSuchTemplate"})
)
print(json.dumps(out))
