import { GetResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import { optional } from '../validation/constraints.js';
import {
  PARTNER_CENTRAL_CATALOGS,
  RESOURCE_TYPES,
  resourceKey,
} from '../validation/resource-snapshot-input.js';
import { defineOperation } from './operation.js';
import { checkAnswer } from './upstream-answer.js';
import { catalogFromWire, resourceKeyToWire, resourceTypeFromWire } from './wire-values.js';

const SITE = { service: 'partnercentral-selling', operation: 'GetResourceSnapshot' } as const;
const string = { type: 'string' } as const;
const requiredString = { type: 'string', required: true } as const;

/** Per the botocore model (../shared/aws-models) and the public shape's non-null fields. */
const ANSWER = {
  Catalog: requiredString,
  Arn: requiredString,
  Revision: { type: 'revision', required: true },
  CreatedBy: string,
  CreatedAt: { type: 'timestamp' },
  EngagementId: string,
  ResourceType: string,
  ResourceId: string,
  ResourceSnapshotTemplateName: string,
  TargetMemberAccounts: { type: { list: 'string' } },
  Payload: { type: 'object' },
} as const;

/** Partner Central Selling GetResourceSnapshot: one revision of a snapshot (the latest by default). */
export const getResourceSnapshot = defineOperation({
  name: 'resourceSnapshot',
  input: z.strictObject({
    ...resourceKey,
    revision: optional(
      z
        .number({ error: 'must be an integer' })
        .int()
        .min(1, { error: 'must be at least 1' })
        .meta({ description: 'Revision to read (>= 1); the latest when absent.' }),
    ),
  }),
  output: z
    .object({
      id: z.string().meta({
        description: 'Cache key, unique per snapshot revision (the ARN and the revision); opaque.',
      }),
      arn: z.string(),
      revision: z.int(),
      catalog: z.enum(PARTNER_CENTRAL_CATALOGS).nullable(),
      engagementIdentifier: z.string().nullable(),
      resourceType: z.enum(RESOURCE_TYPES).nullable(),
      resourceIdentifier: z.string().nullable(),
      resourceSnapshotTemplateIdentifier: z.string().nullable(),
      createdAt: z.string().meta({ format: 'date-time' }).nullable(),
      createdBy: z.string().nullable(),
      targetMemberAccounts: z.array(z.string()).meta({
        description:
          "The engagement's member accounts (AWS account ids) when the snapshot was taken; empty when none.",
      }),
      payload: z.unknown().meta({
        description: 'The snapshot as AWS returns it, e.g. { "OpportunitySummary": { ... } }.',
      }),
    })
    .meta({ description: 'One revision of a snapshot, as GetResourceSnapshot returns it.' }),
  async call({ clients, deadlineMs }, input) {
    const command = new GetResourceSnapshotCommand({ ...resourceKeyToWire(input), Revision: input.revision });
    const out = checkAnswer(
      SITE,
      ANSWER,
      await callAws(SITE, deadlineMs, command, (c) => clients.partnerCentral.send(c)),
    );
    // Arn and Revision are checked present above.
    const arn = out.Arn as string;
    const revision = out.Revision as number;
    return {
      id: `${arn}#${revision}`,
      arn,
      revision,
      catalog: catalogFromWire(out.Catalog),
      engagementIdentifier: out.EngagementId ?? null,
      resourceType: resourceTypeFromWire(out.ResourceType),
      resourceIdentifier: out.ResourceId ?? null,
      resourceSnapshotTemplateIdentifier: out.ResourceSnapshotTemplateName ?? null,
      // As GraphQL's DateTime renders a Date: ISO 8601 in UTC, milliseconds.
      createdAt: out.CreatedAt?.toISOString() ?? null,
      createdBy: out.CreatedBy ?? null,
      targetMemberAccounts: out.TargetMemberAccounts ?? [],
      payload: out.Payload ?? null,
    };
  },
});
