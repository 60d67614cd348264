import { randomUUID } from 'node:crypto';
import {
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
  type PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';
import type {
  CreateResourceSnapshotInput,
  ResourceSnapshotInput,
} from '../validation/resource-snapshot-input.js';
import { callAws, withDeadline } from './call-aws.js';
import { ANSWERS, checkAnswer } from './upstream-answer.js';
import {
  CATALOG_TO_WIRE,
  catalogFromWire,
  RESOURCE_TYPE_TO_WIRE,
  resourceTypeFromWire,
} from './wire-values.js';

export interface CreateResourceSnapshotPayload {
  arn: string;
  revision: number;
  clientToken: string;
}

export interface ResourceSnapshot {
  arn: string;
  revision: number;
  catalog: 'AWS' | 'SANDBOX' | undefined;
  engagementIdentifier: string | undefined;
  resourceType: 'OPPORTUNITY' | undefined;
  resourceIdentifier: string | undefined;
  resourceSnapshotTemplateIdentifier: string | undefined;
  createdAt: Date | undefined;
  createdBy: string | undefined;
  /** The engagement's member accounts when the snapshot was taken; AWS omits the member when none. */
  targetMemberAccounts: string[];
  payload: unknown;
}

const SERVICE = 'partnercentral-selling' as const;

function keyToWire(input: ResourceSnapshotInput | CreateResourceSnapshotInput) {
  return {
    Catalog: CATALOG_TO_WIRE[input.catalog],
    EngagementIdentifier: input.engagementIdentifier,
    ResourceType: RESOURCE_TYPE_TO_WIRE[input.resourceType],
    ResourceIdentifier: input.resourceIdentifier,
    ResourceSnapshotTemplateIdentifier: input.resourceSnapshotTemplateIdentifier,
  };
}

/** Partner Central Selling: CreateResourceSnapshot and its read-back, GetResourceSnapshot. */
export class ResourceSnapshots {
  constructor(
    private readonly client: PartnerCentralSellingClient,
    private readonly deadlineMs: number,
  ) {}

  async create(input: CreateResourceSnapshotInput): Promise<CreateResourceSnapshotPayload> {
    // Chosen here, not by the SDK, so the client learns it; the SDK's retries resend the same token.
    const clientToken = input.clientToken ?? randomUUID();
    const command = new CreateResourceSnapshotCommand({ ...keyToWire(input), ClientToken: clientToken });
    const site = { service: SERVICE, operation: 'CreateResourceSnapshot' } as const;
    const out = checkAnswer(
      site,
      ANSWERS.CreateResourceSnapshot,
      await callAws(site, this.deadlineMs, (deadline) => this.client.send(withDeadline(command, deadline))),
    );
    // Both are checked present above.
    return { arn: out.Arn as string, revision: out.Revision as number, clientToken };
  }

  async get(input: ResourceSnapshotInput): Promise<ResourceSnapshot> {
    const command = new GetResourceSnapshotCommand({ ...keyToWire(input), Revision: input.revision });
    const site = { service: SERVICE, operation: 'GetResourceSnapshot' } as const;
    const out = checkAnswer(
      site,
      ANSWERS.GetResourceSnapshot,
      await callAws(site, this.deadlineMs, (deadline) => this.client.send(withDeadline(command, deadline))),
    );
    return {
      arn: out.Arn as string,
      revision: out.Revision as number,
      catalog: catalogFromWire(out.Catalog),
      engagementIdentifier: out.EngagementId,
      resourceType: resourceTypeFromWire(out.ResourceType),
      resourceIdentifier: out.ResourceId,
      resourceSnapshotTemplateIdentifier: out.ResourceSnapshotTemplateName,
      createdAt: out.CreatedAt,
      createdBy: out.CreatedBy,
      targetMemberAccounts: out.TargetMemberAccounts ?? [],
      payload: out.Payload ?? null,
    };
  }
}
