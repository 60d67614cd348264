import { cancelChangeSet } from '../operations/cancel-change-set.js';
import { describeEntity } from '../operations/describe-entity.js';
import { listChangeSets, SORT_ORDERS } from '../operations/list-change-sets.js';
import { MARKETPLACE_CATALOG } from '../validation/change-set-input.js';
import { builder } from './builder.js';
import { ChangeSetStatus } from './change-sets.js';
import { resolveOperation } from './operation-field.js';
import { outputType } from './output-type.js';

/** Marketplace Catalog: cancelChangeSet, changeSets (ListChangeSets) and entity (DescribeEntity). */

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

const CancelChangeSetPayloadRef = outputType('CancelChangeSetPayload', cancelChangeSet.output, {
  ids: ['changeSetId'],
});
const ChangeSetSummaryRef = outputType('ChangeSetSummary', listChangeSets.output.shape.items.element, {
  ids: ['changeSetId'],
});
const ChangeSetSummaryPageRef = outputType('ChangeSetSummaryPage', listChangeSets.output, {
  refs: { items: ChangeSetSummaryRef },
});
const MarketplaceEntityRef = outputType('MarketplaceEntity', describeEntity.output);

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
