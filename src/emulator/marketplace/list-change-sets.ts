import { createHash } from 'node:crypto';
import { fingerprint } from '../idempotency.js';
import { type ChangeSetRecord, endOf, entityIdsOf, isTerminal, statusAt } from './change-set-record.js';
import { FieldProblems } from './field-problems.js';
import { checkCatalog } from './validation.js';

/** ListChangeSets: validation of the request body, filters, sort and keyset paging. */

const FILTER_NAMES = [
  'ChangeSetName',
  'Status',
  'EntityId',
  'AfterStartTime',
  'BeforeStartTime',
  'AfterEndTime',
  'BeforeEndTime',
] as const;
type FilterName = (typeof FILTER_NAMES)[number];
const TIME_FILTERS: readonly string[] = [
  'AfterStartTime',
  'BeforeStartTime',
  'AfterEndTime',
  'BeforeEndTime',
];
const STATUSES = ['PREPARING', 'APPLYING', 'SUCCEEDED', 'CANCELLED', 'FAILED'];
const SORT_BY = ['Name', 'Status', 'StartTime', 'EndTime'] as const;
type SortBy = (typeof SORT_BY)[number];
type SortOrder = 'ASCENDING' | 'DESCENDING';

const RULES = {
  FilterName: { min: 1, max: 255, patterns: [/^[a-zA-Z]+$/] },
  FilterValue: { min: 1, max: 255, patterns: [/^(.)+$/u] },
  SortBy: { min: 1, max: 255, patterns: [/^[a-zA-Z]+$/] },
  NextToken: { min: 1, max: 4096, patterns: [/^[\w+=.:@\-/]+$/] },
};
// ISO 8601 date-times as AWS writes them, with optional fraction and offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

interface Filter {
  name: FilterName;
  values: string[];
  /** Epoch ms of a time filter's single value. */
  time?: number;
}

export interface ListChangeSetsInput {
  filters: Filter[];
  sortBy: SortBy;
  sortOrder: SortOrder;
  maxResults: number;
  nextToken?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseTime(value: string): number | undefined {
  if (!DATE_TIME.test(value)) return undefined;
  // V8 parses at most milliseconds; finer digits are dropped, not rounded.
  const ms = Date.parse(value.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isFinite(ms) ? ms : undefined;
}

function checkFilter(p: FieldProblems, at: string, raw: unknown): Filter | undefined {
  if (!isObject(raw)) {
    p.add(at, `${at} must be an object`);
    return undefined;
  }
  let name: FilterName | undefined;
  if (p.string(`${at}.Name`, raw.Name, RULES.FilterName, true)) {
    name = FILTER_NAMES.find((n) => n === raw.Name);
    if (name === undefined) p.add(`${at}.Name`, `${at}.Name must be one of ${FILTER_NAMES.join(', ')}`);
  }
  const field = `${at}.ValueList`;
  if (!p.array(field, raw.ValueList, 1, 10, true)) return undefined;
  const values: string[] = [];
  for (const [j, value] of raw.ValueList.entries()) {
    if (p.string(`${field}[${j}]`, value, RULES.FilterValue, true)) values.push(value as string);
  }
  if (name === undefined || values.length !== raw.ValueList.length) return undefined;
  if (name === 'Status') {
    const bad = values.findIndex((v) => !STATUSES.includes(v));
    if (bad >= 0) {
      p.add(`${field}[${bad}]`, `${field}[${bad}] must be one of ${STATUSES.join(', ')}`);
      return undefined;
    }
  }
  if (!TIME_FILTERS.includes(name)) return { name, values };
  if (values.length !== 1) {
    p.add(field, `${field} must hold exactly one date-time for ${name}`);
    return undefined;
  }
  const time = parseTime(values[0] as string);
  if (time === undefined) {
    p.add(`${field}[0]`, `${field}[0] must be an ISO 8601 date-time such as 2018-02-27T13:45:22Z`);
    return undefined;
  }
  return { name, values, time };
}

function checkSort(p: FieldProblems, raw: unknown): { sortBy: SortBy; sortOrder: SortOrder } {
  const sort = { sortBy: 'StartTime' as SortBy, sortOrder: 'DESCENDING' as SortOrder };
  if (raw === undefined || raw === null) return sort;
  if (!isObject(raw)) {
    p.add('Sort', 'Sort must be an object');
    return sort;
  }
  if (
    raw.SortBy !== undefined &&
    raw.SortBy !== null &&
    p.string('Sort.SortBy', raw.SortBy, RULES.SortBy, true)
  ) {
    const by = SORT_BY.find((s) => s === raw.SortBy);
    if (by === undefined) p.add('Sort.SortBy', `Sort.SortBy must be one of ${SORT_BY.join(', ')}`);
    else sort.sortBy = by;
  }
  if (raw.SortOrder !== undefined && raw.SortOrder !== null) {
    if (raw.SortOrder === 'ASCENDING' || raw.SortOrder === 'DESCENDING') sort.sortOrder = raw.SortOrder;
    else p.add('Sort.SortOrder', 'Sort.SortOrder must be ASCENDING or DESCENDING');
  }
  return sort;
}

/** Throws a 422 ValidationException listing every failing member. */
export function validateListChangeSets(body: Json): ListChangeSetsInput {
  const p = new FieldProblems();
  checkCatalog(p, 'Catalog', body.Catalog);
  const filters: Filter[] = [];
  if (p.array('FilterList', body.FilterList, 1, 8, false)) {
    for (const [i, raw] of body.FilterList.entries()) {
      const filter = checkFilter(p, `FilterList[${i}]`, raw);
      if (filter !== undefined) filters.push(filter);
    }
  }
  const sort = checkSort(p, body.Sort);
  let maxResults = 20;
  const max = body.MaxResults;
  if (max !== undefined && max !== null) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 20) {
      p.add('MaxResults', 'MaxResults must be an integer between 1 and 20');
    } else maxResults = max;
  }
  p.string('NextToken', body.NextToken, RULES.NextToken, false);
  p.throwIfAny();
  return { filters, ...sort, maxResults, nextToken: (body.NextToken ?? undefined) as string | undefined };
}

// AWS reports times to the second, so filters and time sorting compare at that precision.
const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;

interface Row {
  record: ChangeSetRecord;
  status: string;
  /** Epoch ms (to the second) it ended, or undefined while it runs. */
  end: number | undefined;
}

function matches(row: Row, filter: Filter): boolean {
  const start = seconds(row.record.startedAt);
  const t = filter.time ?? 0;
  switch (filter.name) {
    case 'ChangeSetName':
      return filter.values.includes(row.record.name);
    case 'Status':
      return filter.values.includes(row.status);
    case 'EntityId': {
      const ids = entityIdsOf(row.record);
      return filter.values.some((v) => ids.includes(v.split('@')[0] as string));
    }
    // Half-open windows [after, before), so that adjacent windows neither overlap nor leave gaps.
    case 'AfterStartTime':
      return start >= t;
    case 'BeforeStartTime':
      return start < t;
    case 'AfterEndTime':
      return row.end !== undefined && row.end >= t;
    case 'BeforeEndTime':
      return row.end !== undefined && row.end < t;
  }
}

type SortValue = string | number | null;
/** Sort value, then start order: a total order, so a page boundary is a fixed point. */
type Key = [SortValue, number];

function keyOf(row: Row, sortBy: SortBy): Key {
  const start = seconds(row.record.startedAt);
  const value: SortValue =
    sortBy === 'Name'
      ? row.record.name
      : sortBy === 'Status'
        ? row.status
        : sortBy === 'StartTime'
          ? start
          : (row.end ?? null); // not ended yet: after every end time
  return [value, row.record.sequence];
}

function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function compareKeys(a: Key, b: Key): number {
  return compareValues(a[0], b[0]) || a[1] - b[1];
}

const queryHash = (input: ListChangeSetsInput): string =>
  createHash('sha256')
    .update(fingerprint({ f: input.filters, b: input.sortBy, o: input.sortOrder }))
    .digest('base64url')
    .slice(0, 16);

const encodeToken = (hash: string, key: Key): string =>
  Buffer.from(JSON.stringify({ q: hash, k: key })).toString('base64url');

function decodeToken(token: string, hash: string): Key | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!isObject(parsed) || parsed.q !== hash || !Array.isArray(parsed.k) || parsed.k.length !== 2) {
      return undefined;
    }
    const [value, sequence] = parsed.k as unknown[];
    const valueOk = value === null || typeof value === 'string' || typeof value === 'number';
    if (!valueOk || typeof sequence !== 'number') return undefined;
    return [value as SortValue, sequence];
  } catch {
    return undefined;
  }
}

export interface ListPage {
  records: ChangeSetRecord[];
  nextToken?: string;
}

/** One page of the matching change sets; a token from another query (or tampered with) is a 422. */
export function listChangeSets(
  records: Iterable<ChangeSetRecord>,
  input: ListChangeSetsInput,
  now: number,
  durationMs: number,
): ListPage {
  const hash = queryHash(input);
  let after: Key | undefined;
  if (input.nextToken !== undefined) {
    after = decodeToken(input.nextToken, hash);
    if (after === undefined) {
      const p = new FieldProblems();
      p.add(
        'NextToken',
        'NextToken is not valid for this request: use the token of the previous page of the same query',
      );
      p.throwIfAny();
    }
  }
  const direction = input.sortOrder === 'ASCENDING' ? 1 : -1;
  const rows = [...records]
    .map((record): Row => {
      const status = statusAt(record, now, durationMs);
      const end = isTerminal(status) ? seconds(endOf(record, durationMs)) : undefined;
      return { record, status, end };
    })
    .filter((row) => input.filters.every((f) => matches(row, f)))
    .map((row) => ({ row, key: keyOf(row, input.sortBy) }))
    .filter(({ key }) => after === undefined || direction * compareKeys(key, after) > 0)
    .sort((a, b) => direction * compareKeys(a.key, b.key));
  const page = rows.slice(0, input.maxResults);
  const last = page.at(-1);
  return {
    records: page.map(({ row }) => row.record),
    nextToken: rows.length > page.length && last !== undefined ? encodeToken(hash, last.key) : undefined,
  };
}
