import { randomUUID } from 'node:crypto';
import { type Change, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import * as z from 'zod';
import { callAws } from '../aws/call-aws.js';
import { CHANGE_SET_INTENTS, marketplaceCatalog } from '../validation/change-set-input.js';
import {
  CHANGE_NAME,
  CHANGE_REFERENCE,
  CHANGE_SET_NAME,
  CHANGE_TYPE,
  CLIENT_REQUEST_TOKEN,
  ENTITY_ID_OR_REFERENCE,
  ENTITY_TYPE,
  MAX_DOCUMENT_DEPTH,
  optional,
  patterned,
  TAG_TEXT,
} from '../validation/constraints.js';
import { isJsonObject, jsonDepth, parsesAsJsonObject } from '../validation/json-document.js';
import { defineOperation } from './operation.js';
import { checkAnswer } from './upstream-answer.js';

const SITE = { service: 'marketplace-catalog', operation: 'StartChangeSet' } as const;
const ANSWER = {
  ChangeSetId: { type: 'string', required: true },
  ChangeSetArn: { type: 'string', required: true },
} as const;

const tag = z.strictObject({ key: patterned(TAG_TEXT, 1, 128), value: patterned(TAG_TEXT, 0, 256) });
const tags = z
  .array(tag)
  .min(1, { error: 'must have at least 1 tag' })
  .max(200, { error: 'must have at most 200 tags' });

const change = z.strictObject({
  changeType: patterned(CHANGE_TYPE, 1, 255).meta({ description: 'e.g. UpdateInformation; ^[A-Z]\\w*$.' }),
  entity: z.strictObject({
    type: patterned(ENTITY_TYPE, 1, 255).meta({
      description: 'Entity type with version, e.g. SaaSProduct@1.0.',
    }),
    identifier: optional(
      patterned(ENTITY_ID_OR_REFERENCE, 1, 255).meta({
        description:
          'Entity id (optionally @revision), or $ChangeName.Entity.Identifier; omitted for Create changes.',
      }),
    ),
  }),
  entityTags: optional(tags),
  details: optional(
    z
      .string({ error: 'must be a string' })
      .min(2, { error: 'must be at least 2 characters' })
      .max(16384, { error: 'must be at most 16384 characters' })
      .refine(parsesAsJsonObject, { error: 'must be a JSON object serialised as a string' })
      .meta({
        description: 'A JSON object serialised as a string (legacy); not with detailsDocument.',
        contentMediaType: 'application/json',
        contentSchema: { type: 'object' },
      }),
  ),
  detailsDocument: optional(
    z
      .unknown()
      // Marketplace's change details are a JSON object (Details must serialise one, too).
      .refine(isJsonObject, { error: 'must be a JSON object', abort: true })
      .refine((v) => jsonDepth(v, MAX_DOCUMENT_DEPTH) <= MAX_DOCUMENT_DEPTH, {
        error: `must not nest deeper than ${MAX_DOCUMENT_DEPTH} levels`,
      })
      .meta({
        type: 'object',
        description: `The change details as a JSON object, nested at most ${MAX_DOCUMENT_DEPTH} levels; not with details.`,
      }),
  ),
  changeName: optional(
    patterned(CHANGE_NAME, 1, 72).meta({
      description: 'Name other changes can reference; letters only, 1..72.',
    }),
  ),
});

type RawChange = {
  changeType?: unknown;
  changeName?: unknown;
  details?: unknown;
  detailsDocument?: unknown;
  entity?: { type?: unknown; identifier?: unknown };
};

/** Same entity regardless of `@version` on the type and `@revision` on the identifier. */
function entityKey(c: RawChange): string | undefined {
  const type = c.entity?.type;
  const id = c.entity?.identifier;
  if (typeof type !== 'string' || typeof id !== 'string' || id.startsWith('$')) return undefined;
  return `${type.split('@')[0]}|${id.split('@')[0]}`;
}

const present = (v: unknown) => v !== undefined && v !== null;

/** Rules between the items of one change set; runs even when single fields failed, so all are reported. */
function checkChangeSet(changes: RawChange[], ctx: z.RefinementCtx): void {
  const seenChanges = new Set<string>();
  const names = new Map<string, number>();
  changes.forEach((c, i) => {
    if (typeof c?.changeName === 'string') {
      if (names.has(c.changeName)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'changeName'],
          message: `duplicates the changeName of changeSet[${names.get(c.changeName)}]`,
          params: { code: 'DUPLICATE_KEY_VALUE' },
        });
      } else names.set(c.changeName, i);
    }
  });
  changes.forEach((c, i) => {
    if (!c || typeof c !== 'object') return;
    if (present(c.details) && present(c.detailsDocument)) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'detailsDocument'],
        message: 'give either details or detailsDocument, not both',
        params: { code: 'INVALID_VALUE' },
      });
    }
    const key = entityKey(c);
    if (key !== undefined && typeof c.changeType === 'string') {
      const dedupe = `${c.changeType}|${key}`;
      if (seenChanges.has(dedupe)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `change type ${c.changeType} is already applied to this entity earlier in the change set`,
          params: { code: 'DUPLICATE_KEY_VALUE' },
        });
      }
      seenChanges.add(dedupe);
    }
    const ref = typeof c.entity?.identifier === 'string' ? CHANGE_REFERENCE.exec(c.entity.identifier) : null;
    if (ref) {
      const target = names.get(ref[1] as string);
      if (target === undefined || target === i) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'entity', 'identifier'],
          message: `references change "${ref[1]}", which is not another change of this change set`,
          params: { code: 'INVALID_VALUE' },
        });
      }
    }
  });
}

const input = z.strictObject({
  catalog: marketplaceCatalog,
  changeSet: z
    .array(change)
    .min(1, { error: 'must have at least 1 change' })
    .max(20, { error: 'must have at most 20 changes' })
    .meta({ description: '1..20 changes.' })
    .superRefine((changes, ctx) => checkChangeSet(changes as RawChange[], ctx)),
  changeSetName: optional(patterned(CHANGE_SET_NAME, 1, 100)),
  changeSetTags: optional(tags),
  clientRequestToken: optional(
    patterned(CLIENT_REQUEST_TOKEN, 1, 64).meta({
      description: 'Idempotency token, 1..64 printable ASCII. Generated when absent and returned.',
    }),
  ),
  intent: optional(z.enum(CHANGE_SET_INTENTS, { error: 'must be VALIDATE or APPLY' })),
});

export type StartChangeSetInput = z.output<typeof input>;

const tagsToWire = (tags?: Array<{ key: string; value: string }>) =>
  tags?.map((t) => ({ Key: t.key, Value: t.value }));

/**
 * Marketplace Catalog StartChangeSet: applies the changes asynchronously; their entities stay
 * locked while it runs.
 */
export const startChangeSet = defineOperation({
  name: 'startChangeSet',
  input,
  output: z
    .object({
      changeSetId: z.string(),
      changeSetArn: z.string(),
      clientRequestToken: z.string().meta({ description: 'The idempotency token used, given or generated.' }),
    })
    .meta({
      description: 'The change set AWS accepted; follow it with changeSet until its status is terminal.',
    }),
  async call({ clients, deadlineMs }, i) {
    const clientRequestToken = i.clientRequestToken ?? randomUUID();
    const command = new StartChangeSetCommand({
      Catalog: i.catalog,
      ChangeSet: i.changeSet.map((c) => ({
        ChangeType: c.changeType,
        Entity: { Type: c.entity.type, Identifier: c.entity.identifier },
        EntityTags: tagsToWire(c.entityTags),
        Details: c.details,
        DetailsDocument: c.detailsDocument as Change['DetailsDocument'],
        ChangeName: c.changeName,
      })),
      ChangeSetName: i.changeSetName,
      ChangeSetTags: tagsToWire(i.changeSetTags),
      ClientRequestToken: clientRequestToken,
      Intent: i.intent,
    });
    // The changes, to place Marketplace's field errors that name a change by type and entity.
    const site = { ...SITE, changes: i.changeSet };
    const out = checkAnswer(
      SITE,
      ANSWER,
      await callAws(site, deadlineMs, command, (c) => clients.marketplace.send(c)),
    );
    // Both are checked present (non-empty strings) above.
    return {
      changeSetId: out.ChangeSetId as string,
      changeSetArn: out.ChangeSetArn as string,
      clientRequestToken,
    };
  },
});
