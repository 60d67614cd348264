import * as z from 'zod';
import { requireScope } from '../auth/caller.js';
import type { ChangeSet, ChangeSummary, StartChangeSetPayload } from '../aws/change-sets.js';
import { requiredMember } from '../operations/upstream-answer.js';
import {
  CHANGE_SET_FAILURE_CODES,
  CHANGE_SET_INTENTS,
  CHANGE_SET_STATUSES,
  changeSetQueryInput,
  MARKETPLACE_CATALOG,
  startChangeSetInput,
} from '../validation/change-set-input.js';
import { builder } from './builder.js';
import { openEnum } from './open-enum.js';

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

const EntityInput = builder.inputType('EntityInput', {
  fields: (t) => ({
    type: t.string({ required: true, description: 'Entity type with version, e.g. SaaSProduct@1.0.' }),
    identifier: t.string({
      description:
        'Entity id (optionally @revision), or $ChangeName.Entity.Identifier; omitted for Create changes.',
    }),
  }),
});

const TagInput = builder.inputType('TagInput', {
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

const ChangeInput = builder.inputType('ChangeInput', {
  fields: (t) => ({
    changeType: t.string({ required: true, description: 'e.g. UpdateInformation; ^[A-Z]\\w*$.' }),
    entity: t.field({ type: EntityInput, required: true }),
    entityTags: t.field({ type: [TagInput] }),
    details: t.string({
      description: 'A JSON object serialised as a string (legacy); not with detailsDocument.',
    }),
    detailsDocument: t.field({ type: 'JSON', description: 'The change details as JSON; not with details.' }),
    changeName: t.string({ description: 'Name other changes can reference; letters only, 1..72.' }),
  }),
});

const StartChangeSetInput = builder.inputType('StartChangeSetInput', {
  fields: (t) => ({
    catalog: t.string({ required: true, defaultValue: MARKETPLACE_CATALOG }),
    changeSet: t.field({ type: [ChangeInput], required: true, description: '1..20 changes.' }),
    changeSetName: t.string(),
    changeSetTags: t.field({ type: [TagInput] }),
    clientRequestToken: t.string({
      description: 'Idempotency token, 1..64 printable ASCII. Generated when absent and returned.',
    }),
    intent: t.field({ type: ChangeSetIntent }),
  }),
});

const StartChangeSetPayloadRef = builder.objectRef<StartChangeSetPayload>('StartChangeSetPayload').implement({
  description: 'The change set AWS accepted; follow it with changeSet until its status is terminal.',
  fields: (t) => ({
    changeSetId: t.exposeID('changeSetId'),
    changeSetArn: t.exposeString('changeSetArn'),
    clientRequestToken: t.exposeString('clientRequestToken', {
      description: 'The idempotency token used, given or generated.',
    }),
  }),
});

const EntityRef = builder.objectRef<NonNullable<ChangeSummary['entity']>>('Entity').implement({
  description: 'The entity a change applies to.',
  fields: (t) => ({
    type: t.string({ nullable: true, resolve: (e) => e.type ?? null }),
    identifier: t.string({ nullable: true, resolve: (e) => e.identifier ?? null }),
  }),
});

const ChangeErrorRef = builder.objectRef<ChangeSummary['errors'][number]>('ChangeError').implement({
  description: "One of AWS's errors for a change of a FAILED change set (its ErrorDetailList).",
  fields: (t) => ({
    code: t.string({ nullable: true, resolve: (e) => e.code ?? null }),
    message: t.string({ nullable: true, resolve: (e) => e.message ?? null }),
  }),
});

const ChangeSummaryRef = builder.objectRef<ChangeSummary>('ChangeSummary').implement({
  description: 'One change of a change set, as AWS describes it.',
  fields: (t) => ({
    changeType: t.string({ nullable: true, resolve: (c) => c.changeType ?? null }),
    changeName: t.string({ nullable: true, resolve: (c) => c.changeName ?? null }),
    entity: t.field({ type: EntityRef, nullable: true, resolve: (c) => c.entity ?? null }),
    details: t.string({ nullable: true, resolve: (c) => c.details ?? null }),
    detailsDocument: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.detailsDocument ?? null }),
    errors: t.field({ type: [ChangeErrorRef], resolve: (c) => c.errors }),
  }),
});

const SITE = { service: 'marketplace-catalog', operation: 'DescribeChangeSet' } as const;
const required = <T>(value: T | undefined, member: string): T => requiredMember(SITE, value, member);

const ChangeSetRef = builder.objectRef<ChangeSet>('ChangeSet').implement({
  description: 'A change set as DescribeChangeSet returns it; poll it until status is terminal.',
  fields: (t) => ({
    id: t.id({ description: 'Cache key: the change set id.', resolve: (c) => c.changeSetId }),
    changeSetId: t.exposeID('changeSetId'),
    changeSetArn: t.string({ resolve: (c) => required(c.changeSetArn, 'ChangeSetArn') }),
    changeSetName: t.string({ nullable: true, resolve: (c) => c.changeSetName ?? null }),
    intent: t.string({
      nullable: true,
      description: `${openEnum(CHANGE_SET_INTENTS)} (AWS's default is APPLY).`,
      resolve: (c) => c.intent ?? null,
    }),
    status: t.string({
      description: `${openEnum(CHANGE_SET_STATUSES)}; SUCCEEDED, FAILED and CANCELLED are terminal.`,
      resolve: (c) => required(c.status, 'Status'),
    }),
    startTime: t.field({ type: 'DateTime', resolve: (c) => required(c.startTime, 'StartTime') }),
    endTime: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Set once the status is terminal.',
      resolve: (c) => c.endTime ?? null,
    }),
    failureCode: t.string({
      nullable: true,
      description: `${openEnum(CHANGE_SET_FAILURE_CODES)}; set when FAILED.`,
      resolve: (c) => c.failureCode ?? null,
    }),
    failureDescription: t.string({ nullable: true, resolve: (c) => c.failureDescription ?? null }),
    changes: t.field({ type: [ChangeSummaryRef], resolve: (c) => c.changes }),
  }),
});

builder.mutationField('startChangeSet', (t) =>
  t.field({
    nullable: true,
    type: StartChangeSetPayloadRef,
    description:
      'AWS Marketplace Catalog StartChangeSet: applies the changes asynchronously; their entities stay locked while it runs.',
    args: t.validate(
      { input: t.arg({ type: StartChangeSetInput, required: true }) },
      z.object({ input: startChangeSetInput }),
    ),
    resolve: (_root, { input }, ctx) => {
      requireScope(ctx.caller, ctx.scopes, 'startChangeSet');
      return ctx.changeSets.start(input);
    },
  }),
);

builder.queryField('changeSet', (t) =>
  t.field({
    nullable: true,
    type: ChangeSetRef,
    description: 'AWS Marketplace Catalog DescribeChangeSet: poll it until the status is terminal.',
    args: t.validate(
      {
        catalog: t.arg.string({ required: true, defaultValue: MARKETPLACE_CATALOG }),
        changeSetId: t.arg.id({ required: true }),
      },
      changeSetQueryInput,
    ),
    resolve: (_root, args, ctx) => {
      requireScope(ctx.caller, ctx.scopes, 'changeSet');
      return ctx.changeSets.describe(args);
    },
  }),
);
