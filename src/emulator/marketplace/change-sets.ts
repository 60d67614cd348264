import { notFoundError, quotaError, resourceInUseError } from '../errors.js';
import { fingerprint, IdempotencyStore } from '../idempotency.js';
import { entityKey } from '../seed.js';
import type { StatsRecorder } from '../stats.js';
import {
  type ChangeSetRecord,
  describeRecord,
  endOf,
  isTerminal,
  resolvedIdentifier,
  statusAt,
  summarizeRecord,
} from './change-set-record.js';
import { changeTypeError, isCreateChange } from './change-types.js';
import { describeEntity } from './describe-entity.js';
import type { EntityRegistry } from './entities.js';
import { randomId } from './entities.js';
import { detailsOf } from './entity-details.js';
import { otherValidationError } from './field-problems.js';
import { listChangeSets, validateListChangeSets } from './list-change-sets.js';
import { seededRecords } from './seeded-change-sets.js';
import {
  REFERENCE,
  type StartChangeSetInput,
  validateChangeSetQuery,
  validateStartChangeSet,
} from './validation.js';

export interface MarketplaceDeps {
  accountId: string;
  region: string;
  changeSetDurationMs: number;
  maxOpenChangeSets: number;
  entities: EntityRegistry;
  stats: StatsRecorder;
}

interface StartOutput {
  ChangeSetId: string;
  ChangeSetArn: string;
}

/** Change sets: validation, idempotency, entity locks, quota and the time-derived lifecycle. */
export class ChangeSetService {
  private readonly changeSets = new Map<string, ChangeSetRecord>();
  private readonly tokens = new IdempotencyStore<StartOutput>();

  constructor(private readonly deps: MarketplaceDeps) {
    this.reset();
  }

  readonly handlers: Record<string, (body: Record<string, unknown>, query: URLSearchParams) => unknown> = {
    StartChangeSet: (body) => this.start(validateStartChangeSet(body)),
    DescribeChangeSet: (_body, query) => this.describe(query),
    CancelChangeSet: (_body, query) => this.cancel(query),
    ListChangeSets: (body) => this.list(body),
    DescribeEntity: (_body, query) => {
      this.settle(Date.now()); // an entity shows the change sets that finished by now
      return describeEntity(this.deps, query);
    },
  };

  /** Back to the seeded history; call after the entity registry's own reset. */
  reset(): void {
    this.changeSets.clear();
    this.tokens.clear();
    for (const record of seededRecords(this.deps.accountId, this.deps.region)) {
      this.changeSets.set(record.id, record);
    }
    this.settle(Date.now());
  }

  private start(input: StartChangeSetInput): StartOutput {
    const now = Date.now();
    this.settle(now);
    const { ClientRequestToken: token, ...request } = input;
    const scope = `${this.deps.accountId}/${input.Catalog}`;
    const print = fingerprint(request);
    // Replays are answered before the lock check: the original change set holds those locks.
    if (token !== undefined) {
      const previous = this.tokens.lookup(scope, token, print);
      if (previous.kind === 'replay') return previous.result;
      if (previous.kind === 'mismatch') {
        throw otherValidationError(
          'ClientRequestToken',
          'The ClientRequestToken was already used for a different StartChangeSet request. Use a new token.',
        );
      }
    }
    const lockKeys = this.checkEntities(input);
    this.checkLocks(lockKeys);
    const open = [...this.changeSets.values()].filter((cs) => !cs.settled).length;
    if (open >= this.deps.maxOpenChangeSets) {
      throw quotaError(
        `The maximum number of open requests per account (${this.deps.maxOpenChangeSets}) has been exceeded.`,
      );
    }
    const id = randomId(25);
    const { region, accountId } = this.deps;
    const record: ChangeSetRecord = {
      id,
      arn: `arn:aws:aws-marketplace:${region}:${accountId}:AWSMarketplace/ChangeSet/${id}`,
      name: input.ChangeSetName ?? `ChangeSet-${id}`,
      input,
      startedAt: now,
      sequence: this.changeSets.size,
      errors: input.ChangeSet.map((c) => changeTypeError(c.ChangeType, c.Entity.Type)),
      lockKeys,
      settled: false,
      createdIds: new Map(),
    };
    this.changeSets.set(id, record);
    this.settle(now); // a zero duration finishes at once
    const output = { ChangeSetId: id, ChangeSetArn: record.arn };
    if (token !== undefined) this.tokens.remember(scope, token, print, output);
    this.deps.stats.created('changeSets', token);
    return output;
  }

  /** 404 for a named entity that does not exist; returns the keys of the entities to lock. */
  private checkEntities(input: StartChangeSetInput): string[] {
    const keys = new Set<string>();
    for (const change of input.ChangeSet) {
      const { Type, Identifier } = change.Entity;
      if (isCreateChange(change.ChangeType) || Identifier === undefined || REFERENCE.test(Identifier))
        continue;
      if (!this.deps.entities.has(Type, Identifier)) {
        throw notFoundError(
          `The entity ${Identifier} of type ${Type} was not found in the AWSMarketplace catalog.`,
        );
      }
      keys.add(entityKey(Type, Identifier));
    }
    return [...keys];
  }

  private checkLocks(keys: string[]): void {
    for (const record of this.changeSets.values()) {
      if (record.settled) continue;
      const locked = keys.find((k) => record.lockKeys.includes(k));
      if (locked !== undefined) {
        const entity = locked.split('/')[1];
        throw resourceInUseError(
          `Requested change set has entities locked by change sets - entity: '${entity}' change sets: '${record.id}'.`,
        );
      }
    }
  }

  private describe(query: URLSearchParams): Record<string, unknown> {
    const now = Date.now();
    this.settle(now);
    return describeRecord(this.find(query), now, this.deps.changeSetDurationMs);
  }

  private list(body: Record<string, unknown>): Record<string, unknown> {
    const input = validateListChangeSets(body);
    const now = Date.now();
    this.settle(now);
    const { changeSetDurationMs: duration } = this.deps;
    const page = listChangeSets(this.changeSets.values(), input, now, duration);
    return {
      ChangeSetSummaryList: page.records.map((r) => summarizeRecord(r, now, duration)),
      NextToken: page.nextToken,
    };
  }

  /** Only while PREPARING. APPLYING: 423. Terminal: 422 (our choice; AWS's answer is unverified). */
  private cancel(query: URLSearchParams): StartOutput {
    const now = Date.now();
    this.settle(now);
    const record = this.find(query);
    const status = statusAt(record, now, this.deps.changeSetDurationMs);
    if (status === 'APPLYING') {
      throw resourceInUseError(`Change set ${record.id} is APPLYING and can no longer be cancelled.`);
    }
    if (isTerminal(status)) {
      throw otherValidationError(
        'ChangeSetId',
        `Change set ${record.id} is already ${status} and cannot be cancelled.`,
      );
    }
    record.cancelledAt = now;
    record.settled = true;
    return { ChangeSetId: record.id, ChangeSetArn: record.arn };
  }

  private find(query: URLSearchParams): ChangeSetRecord {
    const { ChangeSetId } = validateChangeSetQuery(query);
    const record = this.changeSets.get(ChangeSetId);
    if (record === undefined) throw notFoundError(`Change set ${ChangeSetId} was not found.`);
    return record;
  }

  /** Applies finished change sets in start order: releases locks and, for APPLY, creates entities. */
  private settle(now: number): void {
    for (const record of this.changeSets.values()) {
      if (record.settled) continue;
      const status = statusAt(record, now, this.deps.changeSetDurationMs);
      if (!isTerminal(status)) continue;
      record.settled = true;
      if (status !== 'SUCCEEDED' || record.input.Intent !== 'APPLY') continue;
      const at = endOf(record, this.deps.changeSetDurationMs);
      const { entities } = this.deps;
      record.input.ChangeSet.forEach((change, i) => {
        if (isCreateChange(change.ChangeType))
          record.createdIds.set(i, entities.create(change.Entity.Type, at, detailsOf(change)));
      });
      // Then the other changes, which may name an entity created above.
      record.input.ChangeSet.forEach((change, i) => {
        const id = resolvedIdentifier(record, i);
        if (isCreateChange(change.ChangeType) || id === undefined) return;
        entities.change(change.Entity.Type, id, change.ChangeType, detailsOf(change), at);
      });
    }
  }
}
