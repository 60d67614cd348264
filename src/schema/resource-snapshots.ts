import * as z from 'zod';
import { requireScope } from '../auth/caller.js';
import type { CreateResourceSnapshotPayload, ResourceSnapshot } from '../aws/resource-snapshots.js';
import {
  createResourceSnapshotInput,
  PARTNER_CENTRAL_CATALOGS,
  RESOURCE_TYPES,
  resourceSnapshotInput,
} from '../validation/resource-snapshot-input.js';
import { builder } from './builder.js';

/** Partner Central Selling: createResourceSnapshot and its read-back, resourceSnapshot. */

const PartnerCentralCatalog = builder.enumType('PartnerCentralCatalog', {
  description: 'Partner Central catalog: AWS (production) or SANDBOX (testing; "Sandbox" on the wire).',
  values: PARTNER_CENTRAL_CATALOGS,
});

const ResourceType = builder.enumType('ResourceType', {
  description: 'The type of resource to snapshot ("Opportunity" on the wire).',
  values: RESOURCE_TYPES,
});

const CreateResourceSnapshotInput = builder.inputType('CreateResourceSnapshotInput', {
  fields: (t) => ({
    catalog: t.field({ type: PartnerCentralCatalog, required: true }),
    engagementIdentifier: t.string({ required: true, description: 'Engagement id, ^eng-[0-9a-z]{14}$.' }),
    resourceType: t.field({ type: ResourceType, required: true }),
    resourceIdentifier: t.string({ required: true, description: 'Opportunity id, ^O[0-9]{1,19}$.' }),
    resourceSnapshotTemplateIdentifier: t.string({
      required: true,
      description: 'Snapshot template name, ^[a-zA-Z0-9]{3,80}$ (e.g. OpportunitySummary).',
    }),
    clientToken: t.string({
      description: 'Idempotency token, 1..255 characters. Generated (UUID v4) when absent and returned.',
    }),
  }),
});

const ResourceSnapshotInput = builder.inputType('ResourceSnapshotInput', {
  fields: (t) => ({
    catalog: t.field({ type: PartnerCentralCatalog, required: true }),
    engagementIdentifier: t.string({ required: true }),
    resourceType: t.field({ type: ResourceType, required: true }),
    resourceIdentifier: t.string({ required: true }),
    resourceSnapshotTemplateIdentifier: t.string({ required: true }),
    revision: t.int({ description: 'Revision to read (>= 1); the latest when absent.' }),
  }),
});

const CreateResourceSnapshotPayloadRef = builder
  .objectRef<CreateResourceSnapshotPayload>('CreateResourceSnapshotPayload')
  .implement({
    description: 'The snapshot just created (or the original one, for a replayed clientToken).',
    fields: (t) => ({
      arn: t.exposeString('arn'),
      revision: t.exposeInt('revision', {
        description: 'Starts at 1 and counts up per resource and template.',
      }),
      clientToken: t.exposeString('clientToken', {
        description: 'The idempotency token used, given or generated.',
      }),
    }),
  });

const ResourceSnapshotRef = builder.objectRef<ResourceSnapshot>('ResourceSnapshot').implement({
  description: 'One revision of a snapshot, as GetResourceSnapshot returns it.',
  fields: (t) => ({
    id: t.id({
      description: 'Cache key, unique per snapshot revision (the ARN and the revision); opaque.',
      resolve: (s) => `${s.arn}#${s.revision}`,
    }),
    arn: t.exposeString('arn'),
    revision: t.exposeInt('revision'),
    catalog: t.field({ type: PartnerCentralCatalog, nullable: true, resolve: (s) => s.catalog ?? null }),
    engagementIdentifier: t.string({ nullable: true, resolve: (s) => s.engagementIdentifier ?? null }),
    resourceType: t.field({ type: ResourceType, nullable: true, resolve: (s) => s.resourceType ?? null }),
    resourceIdentifier: t.string({ nullable: true, resolve: (s) => s.resourceIdentifier ?? null }),
    resourceSnapshotTemplateIdentifier: t.string({
      nullable: true,
      resolve: (s) => s.resourceSnapshotTemplateIdentifier ?? null,
    }),
    createdAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => s.createdAt ?? null }),
    createdBy: t.string({ nullable: true, resolve: (s) => s.createdBy ?? null }),
    targetMemberAccounts: t.exposeStringList('targetMemberAccounts', {
      description:
        "The engagement's member accounts (AWS account ids) when the snapshot was taken; empty when none.",
    }),
    payload: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The snapshot as AWS returns it, e.g. { "OpportunitySummary": { ... } }.',
      resolve: (s) => s.payload ?? null,
    }),
  }),
});

builder.mutationField('createResourceSnapshot', (t) =>
  t.field({
    nullable: true,
    type: CreateResourceSnapshotPayloadRef,
    description:
      'AWS Partner Central Selling CreateResourceSnapshot: an immutable snapshot of an opportunity.',
    args: t.validate(
      { input: t.arg({ type: CreateResourceSnapshotInput, required: true }) },
      z.object({ input: createResourceSnapshotInput }),
    ),
    resolve: (_root, { input }, ctx) => {
      requireScope(ctx.caller, ctx.scopes, 'createResourceSnapshot');
      return ctx.resourceSnapshots.create(input);
    },
  }),
);

builder.queryField('resourceSnapshot', (t) =>
  t.field({
    nullable: true,
    type: ResourceSnapshotRef,
    description: 'AWS Partner Central Selling GetResourceSnapshot: one revision (the latest by default).',
    args: t.validate(
      { input: t.arg({ type: ResourceSnapshotInput, required: true }) },
      z.object({ input: resourceSnapshotInput }),
    ),
    resolve: (_root, { input }, ctx) => {
      requireScope(ctx.caller, ctx.scopes, 'resourceSnapshot');
      return ctx.resourceSnapshots.get(input);
    },
  }),
);
