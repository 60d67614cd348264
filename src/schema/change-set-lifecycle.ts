import type * as z from 'zod';
import { cancelChangeSet } from '../operations/cancel-change-set.js';
import { describeEntity } from '../operations/describe-entity.js';
import { listChangeSets, SORT_ORDERS } from '../operations/list-change-sets.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_STATUSES,
  MARKETPLACE_CATALOG,
} from '../validation/change-set-input.js';
import { builder } from './builder.js';
import { ChangeSetStatus } from './change-sets.js';
import { openEnum } from './open-enum.js';
import { resolveOperation } from './operation-field.js';

/** Marketplace Catalog: cancelChangeSet, changeSets (ListChangeSets) and entity (DescribeEntity). */

type CancelPayload = z.input<typeof cancelChangeSet.output>;
type SummaryPage = z.input<typeof listChangeSets.output>;
type Summary = SummaryPage['items'][number];
type Entity = z.input<typeof describeEntity.output>;

const catalogField = {
  required: true,
  defaultValue: MARKETPLACE_CATALOG,
  description: 'Always AWSMarketplace.',
};

const SortOrder = builder.enumType('SortOrder', {
  description: 'By start time; AWS sorts DESCENDING when none is given.',
  values: SORT_ORDERS,
});

const CancelChangeSetInput = builder.inputType('CancelChangeSetInput', {
  fields: (t) => ({
    catalog: t.string(catalogField),
    changeSetId: t.id({
      required: true,
      description: 'The change set to cancel; it must still be PREPARING.',
    }),
  }),
});

const ListChangeSetsInput = builder.inputType('ListChangeSetsInput', {
  description: 'Filters AND together; each is optional.',
  fields: (t) => ({
    catalog: t.string(catalogField),
    status: t.field({ type: [ChangeSetStatus], description: 'Any of these statuses (1..10 values).' }),
    changeSetName: t.string({ description: 'Exactly this change set name.' }),
    entityId: t.string({ description: 'Change sets that change this entity.' }),
    startedAfter: t.field({ type: 'DateTime' }),
    startedBefore: t.field({ type: 'DateTime' }),
    endedAfter: t.field({ type: 'DateTime' }),
    endedBefore: t.field({ type: 'DateTime' }),
    sortOrder: t.field({ type: SortOrder }),
    maxResults: t.int({ description: 'Page size, 1..20 (AWS default 20).' }),
    nextToken: t.string({ description: 'The nextToken of the previous page.' }),
  }),
});

const MarketplaceEntityInput = builder.inputType('MarketplaceEntityInput', {
  fields: (t) => ({
    catalog: t.string(catalogField),
    entityId: t.string({ required: true, description: 'e.g. prod-example00001; 1..255 of [A-Za-z0-9_-].' }),
  }),
});

const CancelChangeSetPayloadRef = builder.objectRef<CancelPayload>('CancelChangeSetPayload').implement({
  description: 'The change set whose cancellation AWS accepted; it becomes CANCELLED.',
  fields: (t) => ({
    changeSetId: t.exposeID('changeSetId'),
    changeSetArn: t.exposeString('changeSetArn'),
  }),
});

const ChangeSetSummaryRef = builder.objectRef<Summary>('ChangeSetSummary').implement({
  description: 'One change set of a ListChangeSets page.',
  fields: (t) => ({
    changeSetId: t.exposeID('changeSetId'),
    changeSetArn: t.exposeString('changeSetArn'),
    changeSetName: t.exposeString('changeSetName', { nullable: true }),
    status: t.exposeString('status', { description: `${openEnum(CHANGE_SET_STATUSES)}.` }),
    startTime: t.field({ type: 'DateTime', resolve: (s) => s.startTime }),
    endTime: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.endTime }),
    entityIdList: t.exposeStringList('entityIdList', {
      description: 'The entities this change set changes.',
    }),
    failureCode: t.string({
      nullable: true,
      description: `${openEnum(CHANGE_SET_FAILURE_CODES)}; set when FAILED.`,
      resolve: (s) => s.failureCode,
    }),
  }),
});

const ChangeSetSummaryPageRef = builder.objectRef<SummaryPage>('ChangeSetSummaryPage').implement({
  description: 'One page of change sets; ask again with nextToken while it is not null.',
  fields: (t) => ({
    items: t.field({ type: [ChangeSetSummaryRef], resolve: (p) => p.items }),
    nextToken: t.exposeString('nextToken', { nullable: true }),
  }),
});

const MarketplaceEntityRef = builder.objectRef<Entity>('MarketplaceEntity').implement({
  description: 'A Marketplace Catalog entity as DescribeEntity returns it.',
  fields: (t) => ({
    entityId: t.exposeString('entityId'),
    entityType: t.exposeString('entityType', { nullable: true }),
    entityArn: t.exposeString('entityArn', { nullable: true }),
    lastModifiedDate: t.field({ type: 'DateTime', nullable: true, resolve: (e) => e.lastModifiedDate }),
    details: t.exposeString('details', {
      nullable: true,
      description: 'A JSON object serialised as a string.',
    }),
    detailsDocument: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.detailsDocument ?? null }),
  }),
});

builder.mutationField('cancelChangeSet', (t) =>
  t.field({
    type: CancelChangeSetPayloadRef,
    nullable: true,
    description: 'AWS Marketplace Catalog CancelChangeSet: stops a change set that is still PREPARING.',
    args: { input: t.arg({ type: CancelChangeSetInput, required: true }) },
    resolve: (_root, { input }, ctx) => resolveOperation(cancelChangeSet, ctx, input),
  }),
);

builder.queryField('changeSets', (t) =>
  t.field({
    type: ChangeSetSummaryPageRef,
    nullable: true,
    description: 'AWS Marketplace Catalog ListChangeSets: change sets of the last 60 days, a page at a time.',
    args: { input: t.arg({ type: ListChangeSetsInput }) },
    resolve: (_root, { input }, ctx) => resolveOperation(listChangeSets, ctx, input ?? {}),
  }),
);

builder.queryField('entity', (t) =>
  t.field({
    type: MarketplaceEntityRef,
    nullable: true,
    description: 'AWS Marketplace Catalog DescribeEntity: an entity as it is now, e.g. before changing it.',
    args: { input: t.arg({ type: MarketplaceEntityInput, required: true }) },
    resolve: (_root, { input }, ctx) => resolveOperation(describeEntity, ctx, input),
  }),
);
