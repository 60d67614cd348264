import { describeChangeSet } from '../operations/describe-change-set.js';
import { startChangeSet } from '../operations/start-change-set.js';
import {
  CHANGE_SET_INTENTS,
  CHANGE_SET_STATUSES,
  MARKETPLACE_CATALOG,
} from '../validation/change-set-input.js';
import { builder } from './builder.js';
import { resolveOperation } from './operation-field.js';
import { described, outputType } from './output-type.js';

/** Marketplace Catalog: startChangeSet and its read-back, changeSet. */

const ChangeSetIntent = builder.enumType('ChangeSetIntent', {
  description: 'VALIDATE checks the changes only; APPLY (the AWS default) applies them.',
  values: CHANGE_SET_INTENTS,
});

// Input only (ListChangeSetsInput.status): outputs carry AWS's enums as String (see openEnum).
export const ChangeSetStatus = builder.enumType('ChangeSetStatus', {
  description: 'A change set status, to filter by.',
  values: CHANGE_SET_STATUSES,
});

const start = startChangeSet.input;
const change = start.shape.changeSet.element;
const entity = change.shape.entity;

const EntityInput = builder.inputType('EntityInput', {
  fields: (t) => ({
    type: t.string({ required: true, ...described(entity, 'type') }),
    identifier: t.string(described(entity, 'identifier')),
  }),
});

const TagInput = builder.inputType('TagInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

const ChangeInput = builder.inputType('ChangeInput', {
  fields: (t) => ({
    changeType: t.string({ required: true, ...described(change, 'changeType') }),
    entity: t.field({ type: EntityInput, required: true }),
    entityTags: t.field({ type: [TagInput] }),
    details: t.string(described(change, 'details')),
    detailsDocument: t.field({ type: 'JSON', ...described(change, 'detailsDocument') }),
    changeName: t.string(described(change, 'changeName')),
  }),
});

const StartChangeSetInput = builder.inputType('StartChangeSetInput', {
  fields: (t) => ({
    catalog: t.string({ required: true, defaultValue: MARKETPLACE_CATALOG }),
    changeSet: t.field({ type: [ChangeInput], required: true, ...described(start, 'changeSet') }),
    changeSetName: t.string(),
    changeSetTags: t.field({ type: [TagInput] }),
    clientRequestToken: t.string(described(start, 'clientRequestToken')),
    intent: t.field({ type: ChangeSetIntent }),
  }),
});

const StartChangeSetPayload = outputType('StartChangeSetPayload', startChangeSet.output, {
  ids: ['changeSetId'],
});
const changeSetShape = describeChangeSet.output.shape;
const changeShape = changeSetShape.changes.element;
const Entity = outputType('Entity', changeShape.shape.entity.unwrap());
const ChangeError = outputType('ChangeError', changeShape.shape.errors.element);
const ChangeSummary = outputType('ChangeSummary', changeShape, {
  refs: { entity: Entity, errors: ChangeError },
});
const ChangeSet = outputType('ChangeSet', describeChangeSet.output, {
  ids: ['id', 'changeSetId'],
  refs: { changes: ChangeSummary },
});

builder.mutationField('startChangeSet', (t) =>
  t.field({
    nullable: true,
    type: StartChangeSetPayload,
    description:
      'AWS Marketplace Catalog StartChangeSet: applies the changes asynchronously; their entities stay locked while it runs.',
    args: { input: t.arg({ type: StartChangeSetInput, required: true }) },
    resolve: (_root, { input }, ctx) => resolveOperation(startChangeSet, ctx, input),
  }),
);

builder.queryField('changeSet', (t) =>
  t.field({
    nullable: true,
    type: ChangeSet,
    description: 'AWS Marketplace Catalog DescribeChangeSet: poll it until the status is terminal.',
    args: {
      catalog: t.arg.string({ required: true, defaultValue: MARKETPLACE_CATALOG }),
      changeSetId: t.arg.id({ required: true }),
    },
    // Its arguments are the input itself: field errors name them (`changeSetId`), not `input.…`.
    resolve: (_root, args, ctx) => resolveOperation(describeChangeSet, ctx, args, []),
  }),
);
