import type { ChangeSet } from '../aws/change-sets.js';
import type { ResourceSnapshot } from '../aws/resource-snapshots.js';
import { requiredMember } from '../operations/upstream-answer.js';
import { isRfc3339 } from '../validation/rfc3339.js';
import type { ChangeSetBody, ResourceSnapshotBody } from './response-schemas.js';

/** As GraphQL's DateTime serializes it: AWS's text with its precision; null for what is not a time. */
function isoTime(value: string | undefined): string | null {
  return value !== undefined && isRfc3339(value) ? value : null;
}

export function resourceSnapshotBody(s: ResourceSnapshot): ResourceSnapshotBody {
  return {
    id: `${s.arn}#${s.revision}`,
    arn: s.arn,
    revision: s.revision,
    catalog: s.catalog ?? null,
    engagementIdentifier: s.engagementIdentifier ?? null,
    resourceType: s.resourceType ?? null,
    resourceIdentifier: s.resourceIdentifier ?? null,
    resourceSnapshotTemplateIdentifier: s.resourceSnapshotTemplateIdentifier ?? null,
    createdAt: s.createdAt?.toISOString() ?? null,
    createdBy: s.createdBy ?? null,
    targetMemberAccounts: s.targetMemberAccounts,
    payload: s.payload ?? null,
  };
}

const SITE = { service: 'marketplace-catalog', operation: 'DescribeChangeSet' } as const;

/** As GraphQL's ChangeSet: AWS's enum values passed through, the members AWS always sends required. */
export function changeSetBody(c: ChangeSet): ChangeSetBody {
  return {
    id: c.changeSetId,
    changeSetId: c.changeSetId,
    changeSetArn: requiredMember(SITE, c.changeSetArn, 'ChangeSetArn'),
    changeSetName: c.changeSetName ?? null,
    intent: c.intent ?? null,
    status: requiredMember(SITE, c.status, 'Status'),
    startTime: requiredMember(SITE, isoTime(c.startTime), 'StartTime'),
    endTime: isoTime(c.endTime),
    failureCode: c.failureCode ?? null,
    failureDescription: c.failureDescription ?? null,
    changes: c.changes.map((change) => ({
      changeType: change.changeType ?? null,
      changeName: change.changeName ?? null,
      entity: change.entity
        ? { type: change.entity.type ?? null, identifier: change.entity.identifier ?? null }
        : null,
      details: change.details ?? null,
      detailsDocument: change.detailsDocument ?? null,
      errors: change.errors.map((e) => ({ code: e.code ?? null, message: e.message ?? null })),
    })),
  };
}
