import { type Filter, ListChangeSetsCommand } from '@aws-sdk/client-marketplace-catalog';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_STATUSES,
  marketplaceCatalog,
  openEnum,
} from '../validation/change-set-input.js';
import { FILTER_VALUE, NEXT_TOKEN, patterned } from '../validation/constraints.js';
import { defineOperation } from './operation.js';
import {
  malformedAnswer,
  optionalString,
  optionalTime,
  requiredString,
  requiredTime,
} from './upstream-answer.js';

const SITE = { service: 'marketplace-catalog', operation: 'ListChangeSets' } as const;
export const SORT_ORDERS = ['ASCENDING', 'DESCENDING'] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

// GraphQL's DateTime arrives as a Date, REST's as text: both must be an RFC 3339 time with a zone.
const time = optional(
  z.preprocess(
    (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : v),
    z.iso.datetime({ offset: true, error: 'must be an RFC 3339 date-time with a time zone' }),
  ),
);

/** AWS writes and compares times as `2018-02-27T13:45:22Z`; sub-second digits are kept only when set. */
const wireTime = (value: string) => new Date(value).toISOString().replace('.000Z', 'Z');

const input = z
  .strictObject({
    catalog: marketplaceCatalog,
    // AWS: a ValueList has 1..10 values.
    status: optional(
      z
        .array(z.enum(CHANGE_SET_STATUSES, { error: `must be one of ${CHANGE_SET_STATUSES.join(', ')}` }))
        .min(1, { error: 'must have at least 1 status' })
        .max(10, { error: 'must have at most 10 statuses' })
        .meta({ description: 'Any of these statuses (1..10 values).' }),
    ),
    changeSetName: optional(
      patterned(FILTER_VALUE, 1, 255).meta({ description: 'Exactly this change set name.' }),
    ),
    entityId: optional(
      patterned(FILTER_VALUE, 1, 255).meta({ description: 'Change sets that change this entity.' }),
    ),
    startedAfter: time,
    startedBefore: time,
    endedAfter: time,
    endedBefore: time,
    sortOrder: optional(z.enum(SORT_ORDERS, { error: 'must be ASCENDING or DESCENDING' })),
    maxResults: optional(
      z
        .number({ error: 'must be an integer' })
        .int({ error: 'must be an integer' })
        .min(1, { error: 'must be at least 1' })
        .max(20, { error: 'must be at most 20' })
        .meta({ description: 'Page size, 1..20 (AWS default 20).' }),
    ),
    nextToken: optional(
      patterned(NEXT_TOKEN, 1, 4096).meta({ description: 'The nextToken of the previous page.' }),
    ),
  })
  .meta({ description: 'Filters AND together; each is optional.' });

type ListChangeSetsInput = z.output<typeof input>;

// Each single-valued input field and the AWS filter it becomes.
const SINGLE_FILTERS = [
  ['changeSetName', 'ChangeSetName', (v: string) => v],
  ['entityId', 'EntityId', (v: string) => v],
  ['startedAfter', 'AfterStartTime', wireTime],
  ['startedBefore', 'BeforeStartTime', wireTime],
  ['endedAfter', 'AfterEndTime', wireTime],
  ['endedBefore', 'BeforeEndTime', wireTime],
] as const;

/** The AWS filters, and for each the input field it came from (to place AWS's `FilterList[i]` errors). */
function filtersOf(i: ListChangeSetsInput): { filters: Filter[] | undefined; fields: string[] } {
  const filters: Filter[] = [];
  const fields: string[] = [];
  if (i.status) {
    filters.push({ Name: 'Status', ValueList: i.status });
    fields.push('status');
  }
  for (const [field, name, toWire] of SINGLE_FILTERS) {
    const value = i[field];
    if (value === undefined) continue;
    filters.push({ Name: name, ValueList: [toWire(value)] });
    fields.push(field);
  }
  // AWS: a FilterList has 1..8 filters, so none at all is sent as no list.
  return { filters: filters.length > 0 ? filters : undefined, fields };
}

/** `FilterList[0].ValueList[1]` -> `status[1]`; `Sort.SortOrder` -> `sortOrder`; else the shared table. */
export function fieldPathOf(fields: string[]) {
  return (awsField: string): string | null => {
    const filter = /^FilterList\[(\d+)\](?:\.ValueList(?:\[(\d+)\])?)?/.exec(awsField);
    if (filter) {
      const field = fields[Number(filter[1])];
      if (field === undefined) return null;
      return field === 'status' && filter[2] !== undefined ? `status[${filter[2]}]` : field;
    }
    if (awsField === 'FilterList') return null;
    return awsField === 'Sort.SortOrder' || awsField === 'Sort' ? 'sortOrder' : null;
  };
}

const summary = z
  .object({
    changeSetId: z.string(),
    changeSetArn: z.string(),
    changeSetName: z.string().nullable(),
    status: z.string().meta({ description: `${openEnum(CHANGE_SET_STATUSES)}.` }),
    startTime: z.string().meta({ format: 'date-time' }),
    endTime: z.string().meta({ format: 'date-time' }).nullable(),
    entityIdList: z.array(z.string()).meta({ description: 'The entities this change set changes.' }),
    failureCode: z
      .string()
      .nullable()
      .meta({ description: `${openEnum(CHANGE_SET_FAILURE_CODES)}; set when FAILED.` }),
  })
  .meta({ description: 'One change set of a ListChangeSets page.' });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Marketplace Catalog ListChangeSets: the caller's change sets (AWS keeps 60 days), filtered
 * (filters AND together), sorted by start time, a page of 1..20 at a time.
 */
export const listChangeSets = defineOperation({
  name: 'changeSets',
  input,
  output: z
    .object({
      items: z.array(summary),
      nextToken: z
        .string()
        .nullable()
        .meta({ description: 'Pass it back for the next page; null on the last.' }),
    })
    .meta({ description: 'One page of change sets; ask again with nextToken while it is not null.' }),
  async call({ clients, deadlineMs }, i) {
    const { filters, fields } = filtersOf(i);
    const command = new ListChangeSetsCommand({
      Catalog: i.catalog,
      FilterList: filters,
      Sort: i.sortOrder ? { SortBy: 'StartTime', SortOrder: i.sortOrder } : undefined,
      MaxResults: i.maxResults,
      NextToken: i.nextToken,
    });
    const site = { ...SITE, fieldPath: fieldPathOf(fields) };
    const out = await callAws(site, deadlineMs, command, (c) => clients.marketplace.send(c));
    // AWS always answers the list (empty when nothing matches): an answer without it is no answer.
    const list: unknown = out.ChangeSetSummaryList;
    if (!Array.isArray(list)) throw malformedAnswer(SITE, out, 'ChangeSetSummaryList');
    const items = list.map((item: unknown, n) => {
      const at = `ChangeSetSummaryList[${n}]`;
      if (!isObject(item)) throw malformedAnswer(SITE, out, at);
      const ids: unknown = item.EntityIdList ?? [];
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        throw malformedAnswer(SITE, out, `${at}.EntityIdList`);
      }
      return {
        changeSetId: requiredString(SITE, out, `${at}.ChangeSetId`, item.ChangeSetId),
        changeSetArn: requiredString(SITE, out, `${at}.ChangeSetArn`, item.ChangeSetArn),
        changeSetName: optionalString(SITE, out, `${at}.ChangeSetName`, item.ChangeSetName),
        status: requiredString(SITE, out, `${at}.Status`, item.Status),
        startTime: requiredTime(SITE, out, `${at}.StartTime`, item.StartTime),
        endTime: optionalTime(SITE, out, `${at}.EndTime`, item.EndTime),
        entityIdList: ids as string[],
        failureCode: optionalString(SITE, out, `${at}.FailureCode`, item.FailureCode),
      };
    });
    // An empty token is no token: there is no next page to ask for with it.
    return { items, nextToken: optionalString(SITE, out, 'NextToken', out.NextToken) || null };
  },
});
