import { entityKey } from '../seed.js';
import { isCreateChange } from './change-types.js';
import { checkDetailsContent } from './details-validation.js';
import { type ChangeContext, FieldProblems, type StringRule } from './field-problems.js';

/** StartChangeSet / DescribeChangeSet / CancelChangeSet request validation (aws-reference §2.3, §5.2). */

export interface Tag {
  Key: string;
  Value: string;
}

export interface ChangeInput {
  ChangeType: string;
  Entity: { Type: string; Identifier?: string };
  EntityTags?: Tag[];
  Details?: string;
  DetailsDocument?: unknown;
  ChangeName?: string;
}

export interface StartChangeSetInput {
  Catalog: string;
  ChangeSet: ChangeInput[];
  ChangeSetName?: string;
  ClientRequestToken?: string;
  ChangeSetTags?: Tag[];
  Intent: 'VALIDATE' | 'APPLY';
}

export const REFERENCE = /^\$([a-zA-Z]+)\.Entity\.Identifier$/;
const TAG_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;

const RULES = {
  Catalog: { min: 1, max: 64, patterns: [/^[a-zA-Z]+$/] },
  ChangeType: { min: 1, max: 255, patterns: [/^[A-Z][\w]*$/] },
  // The model says ^[a-zA-Z]+$, but real types carry a version (SaaSProduct@1.0).
  EntityType: { min: 1, max: 255, patterns: [/^[a-zA-Z]+(@\d+\.\d+)?$/] },
  Identifier: { min: 1, max: 255, patterns: [/^[\w\-@]+$/, REFERENCE] },
  Details: { min: 2, max: 16384 },
  // The model's ^[a-zA-Z]$ (one letter) contradicts the docs' own examples.
  ChangeName: { min: 1, max: 72, patterns: [/^[a-zA-Z]+$/] },
  ChangeSetName: { min: 1, max: 100, patterns: [/^[\w\s+=.:@-]+$/] },
  ClientRequestToken: { min: 1, max: 64, patterns: [/^[!-~]+$/] },
  TagKey: { min: 1, max: 128, patterns: [TAG_PATTERN] },
  TagValue: { min: 0, max: 256, patterns: [TAG_PATTERN] },
  ChangeSetId: { min: 1, max: 255, patterns: [/^[\w-]+$/] },
} satisfies Record<string, StringRule>;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function checkCatalog(p: FieldProblems, field: string, value: unknown): void {
  if (p.string(field, value, RULES.Catalog, true) && value !== 'AWSMarketplace') {
    p.add(field, `${field} must be AWSMarketplace`);
  }
}

function checkTags(p: FieldProblems, field: string, value: unknown, context?: ChangeContext): void {
  if (!p.array(field, value, 1, 200, false)) return;
  for (const [i, tag] of value.entries()) {
    const at = `${field}[${i}]`;
    if (!isObject(tag)) {
      p.add(at, `${at} must be an object`, context);
      continue;
    }
    p.string(`${at}.Key`, tag.Key, RULES.TagKey, true, context);
    p.string(`${at}.Value`, tag.Value, RULES.TagValue, true, context);
  }
}

const present = (v: unknown) => v !== undefined && v !== null;

function checkDetails(p: FieldProblems, at: string, change: Json, context: ChangeContext): void {
  if (p.string(`${at}.Details`, change.Details, RULES.Details, false, context)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(change.Details as string);
    } catch {
      parsed = undefined;
    }
    if (!isObject(parsed))
      p.add(`${at}.Details`, `${at}.Details must be a JSON object serialised as a string`, context);
    else if (!present(change.DetailsDocument)) checkDetailsContent(p, parsed, context);
  }
  if (present(change.Details) && present(change.DetailsDocument)) {
    p.add(`${at}.DetailsDocument`, `${at}: use either Details or DetailsDocument, not both`, context);
  } else if (isObject(change.DetailsDocument)) {
    checkDetailsContent(p, change.DetailsDocument, context);
  }
}

/** One change's own members; returns its entity key for the duplicate check, when it has one. */
function checkChange(
  p: FieldProblems,
  at: string,
  change: Json,
  otherNames: Set<string>,
): string | undefined {
  const entity = isObject(change.Entity) ? change.Entity : undefined;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const context: ChangeContext = {
    EntityType: str(entity?.Type),
    EntityId: str(entity?.Identifier),
    ChangeType: str(change.ChangeType),
  };
  const typeOk = p.string(`${at}.ChangeType`, change.ChangeType, RULES.ChangeType, true, context);
  let key: string | undefined;
  if (entity === undefined) {
    p.add(
      `${at}.Entity`,
      change.Entity === undefined ? `${at}.Entity is required` : `${at}.Entity must be an object`,
      context,
    );
  } else {
    const entityTypeOk = p.string(`${at}.Entity.Type`, entity.Type, RULES.EntityType, true, context);
    const idOk = p.string(`${at}.Entity.Identifier`, entity.Identifier, RULES.Identifier, false, context);
    const id = entity.Identifier as string;
    if (idOk && typeOk && isCreateChange(change.ChangeType as string)) {
      p.add(
        `${at}.Entity.Identifier`,
        `${at}.Entity.Identifier must be omitted for ${String(change.ChangeType)}`,
        context,
      );
    } else if (idOk) {
      const ref = REFERENCE.exec(id)?.[1];
      if (ref !== undefined && !otherNames.has(ref)) {
        p.add(
          `${at}.Entity.Identifier`,
          `${at}.Entity.Identifier refers to ${ref}, which is not the ChangeName of another change in this change set`,
          context,
        );
      }
      if (typeOk && entityTypeOk)
        key = `${String(change.ChangeType)} ${entityKey(entity.Type as string, id)}`;
    }
  }
  checkTags(p, `${at}.EntityTags`, change.EntityTags, context);
  checkDetails(p, at, change, context);
  p.string(`${at}.ChangeName`, change.ChangeName, RULES.ChangeName, false, context);
  return key;
}

function checkChanges(p: FieldProblems, changes: unknown[]): void {
  const names = changes.map((c) =>
    isObject(c) && typeof c.ChangeName === 'string' ? c.ChangeName : undefined,
  );
  const seenKeys = new Set<string>();
  const seenNames = new Set<string>();
  for (const [i, change] of changes.entries()) {
    const at = `ChangeSet[${i}]`;
    if (!isObject(change)) {
      p.add(at, `${at} must be an object`);
      continue;
    }
    const otherNames = new Set(names.filter((n, j): n is string => n !== undefined && j !== i));
    const key = checkChange(p, at, change, otherNames);
    const entity = isObject(change.Entity) ? change.Entity : {};
    const context: ChangeContext = {
      ChangeType: typeof change.ChangeType === 'string' ? change.ChangeType : undefined,
      EntityType: typeof entity.Type === 'string' ? entity.Type : undefined,
      EntityId: typeof entity.Identifier === 'string' ? entity.Identifier : undefined,
    };
    // Rules between items are reported on the later item.
    if (key !== undefined && seenKeys.has(key)) {
      p.add(
        `${at}.ChangeType`,
        `${at}: the same change type cannot be started twice against the same entity in one change set`,
        context,
      );
    }
    if (key !== undefined) seenKeys.add(key);
    const name = names[i];
    if (name !== undefined && seenNames.has(name)) {
      p.add(`${at}.ChangeName`, `${at}.ChangeName ${name} is already used by another change`, context);
    }
    if (name !== undefined) seenNames.add(name);
  }
}

/** Throws a 422 ValidationException listing every failing field. */
export function validateStartChangeSet(body: Json): StartChangeSetInput {
  const p = new FieldProblems();
  checkCatalog(p, 'Catalog', body.Catalog);
  if (p.array('ChangeSet', body.ChangeSet, 1, 20, true)) checkChanges(p, body.ChangeSet);
  p.string('ChangeSetName', body.ChangeSetName, RULES.ChangeSetName, false);
  p.string('ClientRequestToken', body.ClientRequestToken, RULES.ClientRequestToken, false);
  checkTags(p, 'ChangeSetTags', body.ChangeSetTags);
  if (
    body.Intent !== undefined &&
    body.Intent !== null &&
    body.Intent !== 'VALIDATE' &&
    body.Intent !== 'APPLY'
  ) {
    p.add('Intent', 'Intent must be VALIDATE or APPLY');
  }
  p.throwIfAny();
  return {
    Catalog: body.Catalog as string,
    ChangeSet: body.ChangeSet as ChangeInput[],
    ChangeSetName: (body.ChangeSetName ?? undefined) as string | undefined,
    ClientRequestToken: (body.ClientRequestToken ?? undefined) as string | undefined,
    ChangeSetTags: (body.ChangeSetTags ?? undefined) as Tag[] | undefined,
    Intent: (body.Intent ?? 'APPLY') as 'VALIDATE' | 'APPLY',
  };
}

/** The two query parameters of DescribeChangeSet and CancelChangeSet. */
export function validateChangeSetQuery(query: URLSearchParams): { Catalog: string; ChangeSetId: string } {
  const p = new FieldProblems();
  const catalog = query.get('catalog') ?? undefined;
  const id = query.get('changeSetId') ?? undefined;
  checkCatalog(p, 'Catalog', catalog);
  p.string('ChangeSetId', id, RULES.ChangeSetId, true);
  p.throwIfAny();
  return { Catalog: catalog as string, ChangeSetId: id as string };
}
