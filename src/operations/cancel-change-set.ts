import { CancelChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import { marketplaceCatalog } from '../validation/change-set-input.js';
import { CHANGE_SET_ID, patterned } from '../validation/constraints.js';
import { defineOperation } from './operation.js';
import { requiredString } from './upstream-answer.js';

const SITE = { service: 'marketplace-catalog', operation: 'CancelChangeSet' } as const;

/**
 * Marketplace Catalog CancelChangeSet: stops a change set that is still PREPARING (AWS answers
 * ResourceInUseException once it is APPLYING, and a finished one cannot be cancelled).
 */
export const cancelChangeSet = defineOperation({
  name: 'cancelChangeSet',
  input: z.strictObject({
    catalog: marketplaceCatalog,
    changeSetId: patterned(CHANGE_SET_ID, 1, 255).meta({
      description: 'The change set to cancel; it must still be PREPARING.',
    }),
  }),
  output: z
    .object({ changeSetId: z.string(), changeSetArn: z.string() })
    .meta({ description: 'The change set whose cancellation AWS accepted; it becomes CANCELLED.' }),
  async call({ clients, deadlineMs }, input) {
    const command = new CancelChangeSetCommand({ Catalog: input.catalog, ChangeSetId: input.changeSetId });
    const out = await callAws(SITE, deadlineMs, command, (c) => clients.marketplace.send(c));
    return {
      changeSetId: requiredString(SITE, out, 'ChangeSetId', out.ChangeSetId),
      changeSetArn: requiredString(SITE, out, 'ChangeSetArn', out.ChangeSetArn),
    };
  },
});
