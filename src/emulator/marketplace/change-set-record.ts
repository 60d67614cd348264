import type { ChangeError } from './change-types.js';
import { REFERENCE, type StartChangeSetInput } from './validation.js';

export type ChangeStatus = 'PREPARING' | 'APPLYING' | 'SUCCEEDED' | 'CANCELLED' | 'FAILED';

export interface ChangeSetRecord {
  id: string;
  arn: string;
  name: string;
  input: StartChangeSetInput;
  startedAt: number;
  /** Start order, unique: breaks ties between change sets started in the same second. */
  sequence: number;
  cancelledAt?: number;
  /** Seeded history: already finished at this time, whatever changeSetDurationMs says. */
  endedAt?: number;
  /** Per change, why it cannot be applied; decided at start, revealed when terminal. */
  errors: (ChangeError | undefined)[];
  /** Entity keys this change set locks while PREPARING or APPLYING. */
  lockKeys: string[];
  /** Terminal and its effects (entity creation) applied. */
  settled: boolean;
  /** Identifiers of entities created by Create changes, by change index. */
  createdIds: Map<number, string>;
}

export const isTerminal = (status: ChangeStatus): boolean =>
  status === 'SUCCEEDED' || status === 'FAILED' || status === 'CANCELLED';

/** Derived from elapsed time, so no timer ever runs: first half PREPARING, second half APPLYING. */
export function statusAt(record: ChangeSetRecord, now: number, durationMs: number): ChangeStatus {
  if (record.cancelledAt !== undefined) return 'CANCELLED';
  const elapsed = now - record.startedAt;
  if (record.endedAt === undefined && elapsed < durationMs / 2) return 'PREPARING';
  if (record.endedAt === undefined && elapsed < durationMs) return 'APPLYING';
  return record.errors.some((e) => e !== undefined) ? 'FAILED' : 'SUCCEEDED';
}

/** DateTimeISO8601: exactly 20 characters, e.g. 2018-02-27T13:45:22Z. */
export const isoSeconds = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** When it ended (or will end, unless cancelled first). */
export const endOf = (record: ChangeSetRecord, durationMs: number): number =>
  record.cancelledAt ?? record.endedAt ?? record.startedAt + durationMs;

/** Identifier a change's entity ends up with: created, referenced or as given. */
export function resolvedIdentifier(record: ChangeSetRecord, index: number): string | undefined {
  const created = record.createdIds.get(index);
  if (created !== undefined) return created;
  const identifier = record.input.ChangeSet[index]?.Entity.Identifier;
  const ref = identifier === undefined ? undefined : REFERENCE.exec(identifier)?.[1];
  if (ref === undefined) return identifier;
  const target = record.input.ChangeSet.findIndex((c) => c.ChangeName === ref);
  return record.createdIds.get(target) ?? identifier;
}

export function describeRecord(
  record: ChangeSetRecord,
  now: number,
  durationMs: number,
): Record<string, unknown> {
  const status = statusAt(record, now, durationMs);
  const terminal = isTerminal(status);
  const failed = status === 'FAILED';
  const failures = record.errors.filter((e) => e !== undefined).length;
  const endMs = endOf(record, durationMs);
  return {
    ChangeSetId: record.id,
    ChangeSetArn: record.arn,
    ChangeSetName: record.name,
    Intent: record.input.Intent,
    StartTime: isoSeconds(record.startedAt),
    EndTime: terminal ? isoSeconds(endMs) : undefined,
    Status: status,
    FailureCode: failed ? 'CLIENT_ERROR' : undefined,
    FailureDescription: failed
      ? `${failures} of ${record.errors.length} changes failed validation. See ErrorDetailList of each change.`
      : undefined,
    ChangeSet: record.input.ChangeSet.map((change, i) => {
      const error = record.errors[i];
      return {
        ChangeType: change.ChangeType,
        Entity: { Type: change.Entity.Type, Identifier: resolvedIdentifier(record, i) },
        Details: change.Details,
        DetailsDocument: change.DetailsDocument,
        ErrorDetailList: failed && error !== undefined ? [error] : [],
        ChangeName: change.ChangeName,
      };
    }),
  };
}

/**
 * The ResourceIds a change set touches (EntityIdList): identifiers without `@revision`, created ones
 * once known; unresolved `$Name.Entity.Identifier` references and pending creations are left out.
 */
export function entityIdsOf(record: ChangeSetRecord): string[] {
  const ids = record.input.ChangeSet.map((_c, i) => resolvedIdentifier(record, i)).filter(
    (id): id is string => id !== undefined && !REFERENCE.test(id),
  );
  return [...new Set(ids.map((id) => id.split('@')[0] as string))];
}

/** A ChangeSetSummaryListItem of ListChangeSets. */
export function summarizeRecord(
  record: ChangeSetRecord,
  now: number,
  durationMs: number,
): Record<string, unknown> {
  const status = statusAt(record, now, durationMs);
  return {
    ChangeSetId: record.id,
    ChangeSetArn: record.arn,
    ChangeSetName: record.name,
    StartTime: isoSeconds(record.startedAt),
    EndTime: isTerminal(status) ? isoSeconds(endOf(record, durationMs)) : undefined,
    Status: status,
    EntityIdList: entityIdsOf(record),
    FailureCode: status === 'FAILED' ? 'CLIENT_ERROR' : undefined,
  };
}
