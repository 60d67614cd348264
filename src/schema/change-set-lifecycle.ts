import { cancelChangeSet } from '../operations/cancel-change-set.js';
import { describeEntity } from '../operations/describe-entity.js';
import { listChangeSets, SORT_ORDERS } from '../operations/list-change-sets.js';
import { builder } from './builder.js';
import { ChangeSetFailureCode, ChangeSetStatus } from './change-sets.js';
import { inputType } from './input-type.js';
import { resolveOperation } from './operation-field.js';
import { outputType } from './output-type.js';

/** Marketplace Catalog: cancelChangeSet, changeSets (ListChangeSets) and entity (DescribeEntity). */

const SortOrder = builder.enumType('SortOrder', {
  description: 'By start time; AWS sorts DESCENDING when none is given.',
  values: SORT_ORDERS,
});

const CancelChangeSetInput = inputType('CancelChangeSetInput', cancelChangeSet.input, {
  ids: ['changeSetId'],
});
// zod takes any value for a time (it preprocesses GraphQL's Date into text), so DateTime is named here.
const ListChangeSetsInput = inputType('ListChangeSetsInput', listChangeSets.input, {
  refs: {
    status: ChangeSetStatus,
    sortOrder: SortOrder,
    startedAfter: 'DateTime',
    startedBefore: 'DateTime',
    endedAfter: 'DateTime',
    endedBefore: 'DateTime',
  },
});
const MarketplaceEntityInput = inputType('MarketplaceEntityInput', describeEntity.input);

const CancelChangeSetPayloadRef = outputType('CancelChangeSetPayload', cancelChangeSet.output, {
  ids: ['changeSetId'],
});
const ChangeSetSummaryRef = outputType('ChangeSetSummary', listChangeSets.output.shape.items.element, {
  ids: ['changeSetId'],
  refs: { status: ChangeSetStatus, failureCode: ChangeSetFailureCode },
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
