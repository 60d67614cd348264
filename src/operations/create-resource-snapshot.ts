import { randomUUID } from 'node:crypto';
import { CreateResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import { CLIENT_TOKEN, codePointPatterned, optional } from '../validation/constraints.js';
import { resourceKey } from '../validation/resource-snapshot-input.js';
import { defineOperation } from './operation.js';
import { checkAnswer } from './upstream-answer.js';
import { resourceKeyToWire } from './wire-values.js';

const SITE = { service: 'partnercentral-selling', operation: 'CreateResourceSnapshot' } as const;
const ANSWER = {
  Arn: { type: 'string', required: true },
  Revision: { type: 'revision', required: true },
} as const;

/** Partner Central Selling CreateResourceSnapshot: an immutable snapshot of an opportunity. */
export const createResourceSnapshot = defineOperation({
  name: 'createResourceSnapshot',
  input: z.strictObject({
    ...resourceKey,
    clientToken: optional(
      codePointPatterned(CLIENT_TOKEN, 1, 255).meta({
        description: 'Idempotency token, 1..255 characters. Generated (UUID v4) when absent and returned.',
      }),
    ),
  }),
  output: z
    .object({
      arn: z.string(),
      revision: z.int().meta({ description: 'Starts at 1 and counts up per resource and template.' }),
      clientToken: z.string().meta({ description: 'The idempotency token used, given or generated.' }),
    })
    .meta({ description: 'The snapshot just created (or the original one, for a replayed clientToken).' }),
  async call({ clients, deadlineMs }, input) {
    // Chosen here, not by the SDK, so the client learns it; the SDK's retries resend the same token.
    const clientToken = input.clientToken ?? randomUUID();
    const command = new CreateResourceSnapshotCommand({
      ...resourceKeyToWire(input),
      ClientToken: clientToken,
    });
    const out = checkAnswer(
      SITE,
      ANSWER,
      await callAws(SITE, deadlineMs, command, (c) => clients.partnerCentral.send(c)),
    );
    // Both are checked present above.
    return { arn: out.Arn as string, revision: out.Revision as number, clientToken };
  },
});
