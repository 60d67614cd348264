import { createResourceSnapshot } from '../operations/create-resource-snapshot.js';
import { getResourceSnapshot } from '../operations/get-resource-snapshot.js';
import { PARTNER_CENTRAL_CATALOGS, RESOURCE_TYPES } from '../validation/resource-snapshot-input.js';
import { builder } from './builder.js';
import { inputType } from './input-type.js';
import { resolveOperation } from './operation-field.js';
import { outputType } from './output-type.js';

/** Partner Central Selling: createResourceSnapshot and its read-back, resourceSnapshot. */

const PartnerCentralCatalog = builder.enumType('PartnerCentralCatalog', {
  description: 'Partner Central catalog: AWS (production) or SANDBOX (testing; "Sandbox" on the wire).',
  values: PARTNER_CENTRAL_CATALOGS,
});

const ResourceType = builder.enumType('ResourceType', {
  description: 'The type of resource to snapshot ("Opportunity" on the wire).',
  values: RESOURCE_TYPES,
});

const keyRefs = { refs: { catalog: PartnerCentralCatalog, resourceType: ResourceType } };
const CreateResourceSnapshotInput = inputType(
  'CreateResourceSnapshotInput',
  createResourceSnapshot.input,
  keyRefs,
);
const ResourceSnapshotInput = inputType('ResourceSnapshotInput', getResourceSnapshot.input, keyRefs);

const CreateResourceSnapshotPayload = outputType(
  'CreateResourceSnapshotPayload',
  createResourceSnapshot.output,
);
const ResourceSnapshot = outputType('ResourceSnapshot', getResourceSnapshot.output, {
  ids: ['id'],
  refs: { catalog: PartnerCentralCatalog, resourceType: ResourceType },
});

builder.mutationField('createResourceSnapshot', (t) =>
  t.field({
    nullable: true,
    type: CreateResourceSnapshotPayload,
    description:
      'AWS Partner Central Selling CreateResourceSnapshot: an immutable snapshot of an opportunity.',
    args: { input: t.arg({ type: CreateResourceSnapshotInput, required: true }) },
    resolve: (_root, { input }, ctx) => resolveOperation(createResourceSnapshot, ctx, input),
  }),
);

builder.queryField('resourceSnapshot', (t) =>
  t.field({
    nullable: true,
    type: ResourceSnapshot,
    description: 'AWS Partner Central Selling GetResourceSnapshot: one revision (the latest by default).',
    args: { input: t.arg({ type: ResourceSnapshotInput, required: true }) },
    resolve: (_root, { input }, ctx) => resolveOperation(getResourceSnapshot, ctx, input),
  }),
);
