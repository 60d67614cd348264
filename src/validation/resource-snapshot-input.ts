import * as z from 'zod';
import { ENGAGEMENT_ID, OPPORTUNITY_ID, patterned, TEMPLATE_NAME } from './constraints.js';

/** GraphQL-style enum values; the operations map them to the wire values ("Sandbox", "Opportunity"). */
export const PARTNER_CENTRAL_CATALOGS = ['AWS', 'SANDBOX'] as const;
export const RESOURCE_TYPES = ['OPPORTUNITY'] as const;

/** What names a snapshot, shared by CreateResourceSnapshot and GetResourceSnapshot (AWS's constraints). */
export const resourceKey = {
  catalog: z.enum(PARTNER_CENTRAL_CATALOGS, { error: 'must be one of AWS, SANDBOX' }),
  engagementIdentifier: patterned(ENGAGEMENT_ID, 1, 18).meta({
    description: 'Engagement id, ^eng-[0-9a-z]{14}$.',
  }),
  resourceType: z.enum(RESOURCE_TYPES, { error: 'must be OPPORTUNITY' }),
  // The only resource type is OPPORTUNITY, whose identifiers are opportunity ids.
  resourceIdentifier: patterned(OPPORTUNITY_ID, 2, 20).meta({
    description: 'Opportunity id, ^O[0-9]{1,19}$.',
  }),
  resourceSnapshotTemplateIdentifier: patterned(TEMPLATE_NAME, 3, 80).meta({
    description: 'Snapshot template name, ^[a-zA-Z0-9]{3,80}$ (e.g. OpportunitySummary).',
  }),
};

export type ResourceKey = z.output<z.ZodObject<typeof resourceKey>>;
