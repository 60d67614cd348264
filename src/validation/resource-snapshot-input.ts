import * as z from 'zod';
import {
  CLIENT_TOKEN,
  codePointPatterned,
  ENGAGEMENT_ID,
  OPPORTUNITY_ID,
  patterned,
  TEMPLATE_NAME,
} from './constraints.js';

/** GraphQL-style enum values; src/aws maps them to the wire values ("Sandbox", "Opportunity"). */
export const PARTNER_CENTRAL_CATALOGS = ['AWS', 'SANDBOX'] as const;
export const RESOURCE_TYPES = ['OPPORTUNITY'] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

const resourceKey = {
  catalog: z.enum(PARTNER_CENTRAL_CATALOGS, { error: 'must be one of AWS, SANDBOX' }),
  engagementIdentifier: patterned(ENGAGEMENT_ID, 1, 18),
  resourceType: z.enum(RESOURCE_TYPES, { error: 'must be OPPORTUNITY' }),
  // The only resource type is OPPORTUNITY, whose identifiers are opportunity ids.
  resourceIdentifier: patterned(OPPORTUNITY_ID, 2, 20),
  resourceSnapshotTemplateIdentifier: patterned(TEMPLATE_NAME, 3, 80),
};

export const createResourceSnapshotInput = z.strictObject({
  ...resourceKey,
  clientToken: optional(codePointPatterned(CLIENT_TOKEN, 1, 255)),
});

export const resourceSnapshotInput = z.strictObject({
  ...resourceKey,
  revision: optional(z.number({ error: 'must be an integer' }).int().min(1, { error: 'must be at least 1' })),
});

export type CreateResourceSnapshotInput = z.output<typeof createResourceSnapshotInput>;
export type ResourceSnapshotInput = z.output<typeof resourceSnapshotInput>;
