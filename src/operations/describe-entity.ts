import { DescribeEntityCommand } from '@aws-sdk/client-marketplace-catalog';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import { marketplaceCatalog } from '../validation/change-set-input.js';
import { CHANGE_SET_ID, patterned } from '../validation/constraints.js';
import { defineOperation } from './operation.js';
import { malformedAnswer, optionalString, optionalTime, requiredString } from './upstream-answer.js';

const SITE = { service: 'marketplace-catalog', operation: 'DescribeEntity' } as const;

/** The asked-for id, when AWS's EntityIdentifier (`id@revision`) names that entity; else AWS's failure. */
function entityIdOf(
  site: typeof SITE,
  out: { EntityIdentifier?: unknown; $metadata?: { httpStatusCode?: number; requestId?: string } },
  asked: string,
): string {
  const identifier = requiredString(site, out, 'EntityIdentifier', out.EntityIdentifier);
  if (identifier !== asked && !identifier.startsWith(`${asked}@`))
    throw malformedAnswer(site, out, 'EntityIdentifier');
  return asked;
}

/**
 * Marketplace Catalog DescribeEntity: one entity (product, offer, ...) as it is now, to read
 * before changing it. AWS answers its details both as a JSON string and as a document.
 */
export const describeEntity = defineOperation({
  name: 'entity',
  input: z.strictObject({
    catalog: marketplaceCatalog,
    // AWS's `ResourceId` (the same shape as a change set id): 1..255 of [\w-].
    entityId: patterned(CHANGE_SET_ID, 1, 255).meta({
      description: 'e.g. prod-example00001; 1..255 of [A-Za-z0-9_-].',
    }),
  }),
  output: z
    .object({
      entityId: z.string(),
      entityType: z.string().nullable().meta({ description: 'e.g. SaaSProduct@1.0 or Offer@1.0.' }),
      entityArn: z.string().nullable(),
      lastModifiedDate: z.string().meta({ format: 'date-time' }).nullable(),
      details: z.string().nullable().meta({ description: 'A JSON object serialised as a string.' }),
      detailsDocument: z.unknown().meta({ description: 'The same details as a JSON document, or null.' }),
    })
    .meta({ description: 'A Marketplace Catalog entity as DescribeEntity returns it.' }),
  async call({ clients, deadlineMs }, input) {
    const command = new DescribeEntityCommand({ Catalog: input.catalog, EntityId: input.entityId });
    const out = await callAws(SITE, deadlineMs, command, (c) => clients.marketplace.send(c));
    return {
      // AWS's EntityIdentifier is `id@revision`; the public entityId is the id, as asked for, once
      // the answer shows it is about that entity.
      entityId: entityIdOf(SITE, out, input.entityId),
      entityType: requiredString(SITE, out, 'EntityType', out.EntityType),
      entityArn: requiredString(SITE, out, 'EntityArn', out.EntityArn),
      lastModifiedDate: optionalTime(SITE, out, 'LastModifiedDate', out.LastModifiedDate),
      details: optionalString(SITE, out, 'Details', out.Details),
      detailsDocument: out.DetailsDocument ?? null,
    };
  },
});
