import { describeChangeSet } from '../operations/describe-change-set.js';
import { startChangeSet } from '../operations/start-change-set.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_INTENTS,
  CHANGE_SET_STATUSES,
  MARKETPLACE_CATALOG,
} from '../validation/change-set-input.js';
import { builder } from './builder.js';
import { fieldObject, inputType } from './input-type.js';
import { OPEN_ENUM } from './open-enum.js';
import { resolveOperation } from './operation-field.js';
import { outputType } from './output-type.js';

/** Marketplace Catalog: startChangeSet and its read-back, changeSet. */

// Open enums as outputs (src/schema/open-enum.ts): a value AWS adds later passes through.
const ChangeSetIntent = builder.enumType('ChangeSetIntent', {
  description: 'VALIDATE checks the changes only; APPLY (the AWS default) applies them.',
  values: CHANGE_SET_INTENTS,
  extensions: OPEN_ENUM,
});

export const ChangeSetStatus = builder.enumType('ChangeSetStatus', {
  description: 'A change set status; SUCCEEDED, FAILED and CANCELLED are terminal.',
  values: CHANGE_SET_STATUSES,
  extensions: OPEN_ENUM,
});

export const ChangeSetFailureCode = builder.enumType('ChangeSetFailureCode', {
  description: "Why a change set FAILED: the request's fault (CLIENT_ERROR) or AWS's (SERVER_FAULT).",
  values: CHANGE_SET_FAILURE_CODES,
  extensions: OPEN_ENUM,
});

const start = startChangeSet.input;
const change = fieldObject(start, 'changeSet');

const EntityInput = inputType('EntityInput', fieldObject(change, 'entity'));
const TagInput = inputType('TagInput', fieldObject(start, 'changeSetTags'));
const ChangeInput = inputType('ChangeInput', change, { refs: { entity: EntityInput, entityTags: TagInput } });
const StartChangeSetInput = inputType('StartChangeSetInput', start, {
  refs: { changeSet: ChangeInput, changeSetTags: TagInput, intent: ChangeSetIntent },
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
  refs: {
    changes: ChangeSummary,
    intent: ChangeSetIntent,
    status: ChangeSetStatus,
    failureCode: ChangeSetFailureCode,
  },
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
