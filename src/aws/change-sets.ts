import { randomUUID } from 'node:crypto';
import {
  type Change,
  DescribeChangeSetCommand,
  type MarketplaceCatalogClient,
  StartChangeSetCommand,
} from '@aws-sdk/client-marketplace-catalog';
import type { ChangeSetQueryInput, StartChangeSetInput } from '../validation/change-set-input.js';
import { callAws, withDeadline } from './call-aws.js';
import { ANSWERS, checkAnswer } from './upstream-answer.js';

export interface StartChangeSetPayload {
  changeSetId: string;
  changeSetArn: string;
  clientRequestToken: string;
}

export interface ChangeSummary {
  changeType: string | undefined;
  changeName: string | undefined;
  entity: { type: string | undefined; identifier: string | undefined } | undefined;
  details: string | undefined;
  detailsDocument: unknown;
  errors: Array<{ code: string | undefined; message: string | undefined }>;
}

export interface ChangeSet {
  changeSetId: string;
  changeSetArn: string | undefined;
  changeSetName: string | undefined;
  intent: string | undefined;
  status: string | undefined;
  startTime: string | undefined;
  endTime: string | undefined;
  failureCode: string | undefined;
  failureDescription: string | undefined;
  changes: ChangeSummary[];
}

const SERVICE = 'marketplace-catalog' as const;
const tagsToWire = (tags?: Array<{ key: string; value: string }>) =>
  tags?.map((t) => ({ Key: t.key, Value: t.value }));

/** Marketplace Catalog: StartChangeSet and its read-back, DescribeChangeSet. */
export class ChangeSets {
  constructor(
    private readonly client: MarketplaceCatalogClient,
    private readonly deadlineMs: number,
  ) {}

  async start(input: StartChangeSetInput): Promise<StartChangeSetPayload> {
    const clientRequestToken = input.clientRequestToken ?? randomUUID();
    const command = new StartChangeSetCommand({
      Catalog: input.catalog,
      ChangeSet: input.changeSet.map((c) => ({
        ChangeType: c.changeType,
        Entity: { Type: c.entity.type, Identifier: c.entity.identifier },
        EntityTags: tagsToWire(c.entityTags),
        Details: c.details,
        DetailsDocument: c.detailsDocument as Change['DetailsDocument'],
        ChangeName: c.changeName,
      })),
      ChangeSetName: input.changeSetName,
      ChangeSetTags: tagsToWire(input.changeSetTags),
      ClientRequestToken: clientRequestToken,
      Intent: input.intent,
    });
    const site = { service: SERVICE, operation: 'StartChangeSet', changes: input.changeSet };
    const out = checkAnswer(
      site,
      ANSWERS.StartChangeSet,
      await callAws(site, this.deadlineMs, (deadline) => this.client.send(withDeadline(command, deadline))),
    );
    // Both are checked present (non-empty strings) above.
    return {
      changeSetId: out.ChangeSetId as string,
      changeSetArn: out.ChangeSetArn as string,
      clientRequestToken,
    };
  }

  async describe(input: ChangeSetQueryInput): Promise<ChangeSet> {
    const command = new DescribeChangeSetCommand({ Catalog: input.catalog, ChangeSetId: input.changeSetId });
    const site = { service: SERVICE, operation: 'DescribeChangeSet' } as const;
    const out = checkAnswer(
      site,
      ANSWERS.DescribeChangeSet,
      await callAws(site, this.deadlineMs, (deadline) => this.client.send(withDeadline(command, deadline))),
    );
    return {
      changeSetId: out.ChangeSetId as string,
      changeSetArn: out.ChangeSetArn,
      changeSetName: out.ChangeSetName,
      intent: out.Intent,
      status: out.Status,
      startTime: out.StartTime,
      endTime: out.EndTime,
      failureCode: out.FailureCode,
      failureDescription: out.FailureDescription,
      changes: (out.ChangeSet ?? []).map((c) => ({
        changeType: c.ChangeType,
        changeName: c.ChangeName,
        entity: c.Entity ? { type: c.Entity.Type, identifier: c.Entity.Identifier } : undefined,
        details: c.Details,
        detailsDocument: c.DetailsDocument,
        errors: (c.ErrorDetailList ?? []).map((e) => ({ code: e.ErrorCode, message: e.ErrorMessage })),
      })),
    };
  }
}
