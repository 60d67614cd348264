import type { ChangeSet } from '../aws/change-sets.js';
import type { ResourceSnapshot } from '../aws/resource-snapshots.js';
import { CHANGE_SET_INTENTS } from '../validation/change-set-input.js';
import { isRfc3339 } from '../validation/rfc3339.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_STATUSES,
  type ChangeSetBody,
  type ResourceSnapshotBody,
} from './response-schemas.js';

/** A value AWS may extend later: null when it is not one this API documents, as GraphQL's enums do. */
const known = <T extends string>(values: readonly T[], value: string | undefined): T | null =>
  values.includes(value as T) ? (value as T) : null;

/** As GraphQL's DateTime serializes it: AWS's text with its precision; null for what is not a time. */
function isoTime(value: string | undefined): string | null {
  return value !== undefined && isRfc3339(value) ? value : null;
}

export function resourceSnapshotBody(s: ResourceSnapshot): ResourceSnapshotBody {
  return {
    arn: s.arn,
    revision: s.revision,
    catalog: s.catalog ?? null,
    engagementIdentifier: s.engagementIdentifier ?? null,
    resourceType: s.resourceType ?? null,
    resourceIdentifier: s.resourceIdentifier ?? null,
    resourceSnapshotTemplateIdentifier: s.resourceSnapshotTemplateIdentifier ?? null,
    createdAt: s.createdAt?.toISOString() ?? null,
    createdBy: s.createdBy ?? null,
    payload: s.payload ?? null,
  };
}

export function changeSetBody(c: ChangeSet): ChangeSetBody {
  return {
    changeSetId: c.changeSetId,
    changeSetArn: c.changeSetArn ?? null,
    changeSetName: c.changeSetName ?? null,
    intent: known(CHANGE_SET_INTENTS, c.intent),
    status: known(CHANGE_SET_STATUSES, c.status),
    startTime: isoTime(c.startTime),
    endTime: isoTime(c.endTime),
    failureCode: known(CHANGE_SET_FAILURE_CODES, c.failureCode),
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
