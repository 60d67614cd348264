import { mapAwsField } from './field-paths.js';

/** A change of the facade-side input, as much as is needed to place AWS's field errors on it. */
export interface PlacedChange {
  changeType: string;
  entity: { type?: string; identifier?: string };
  detailsDocument?: unknown;
}

/** One entry of Marketplace's ValidationExceptionFieldList. */
export interface MpcFieldEntry {
  Field?: string;
  ChangeType?: string;
  EntityType?: string;
  EntityId?: string;
}

// Members of one change: a Field that starts with one is relative to the change the entry names.
const RELATIVE = /^(Details|DetailsDocument|Entity|EntityTags|ChangeType|ChangeName)([.[]|$)/;

const baseId = (id: string | undefined) => id?.split('@')[0];

/**
 * The change an entry relative to one change names: by ChangeType, EntityType when given, and
 * EntityId when given; without EntityId (a Create change names no entity), a change with no
 * identifier. Null when none or several fit, rather than guess.
 */
function changeIndex(entry: MpcFieldEntry, changes: readonly PlacedChange[]): number | null {
  const fits = changes.flatMap((c, i) => {
    if (c.changeType !== entry.ChangeType) return [];
    if (entry.EntityType !== undefined && c.entity.type !== entry.EntityType) return [];
    const id = c.entity.identifier;
    if (entry.EntityId !== undefined) return baseId(id) === baseId(entry.EntityId) ? [i] : [];
    return id === undefined || id.startsWith('$') ? [i] : [];
  });
  return fits.length === 1 ? (fits[0] as number) : null;
}

/**
 * A Marketplace `Field` as an input path, in each form AWS uses: absolute (`ChangeSet[1].Entity.Type`,
 * `Catalog`), or relative to one change (`Details.ProductTitle`), placed by ChangeType + EntityType +
 * EntityId. AWS says `Details.` for both detail forms; it becomes `detailsDocument.` when the change
 * sent a document. Null when the field or its change cannot be told.
 */
export function placeMpcField(entry: MpcFieldEntry, changes?: readonly PlacedChange[]): string | null {
  if (!entry.Field) return null;
  const mapped = mapAwsField(entry.Field);
  if (mapped === null || !RELATIVE.test(entry.Field)) return mapped;
  if (!changes || !entry.ChangeType) return null;
  const i = changeIndex(entry, changes);
  if (i === null) return null;
  const change = changes[i] as PlacedChange;
  const asSent =
    change.detailsDocument !== undefined ? mapped.replace(/^details(Document)?/, 'detailsDocument') : mapped;
  return `changeSet[${i}].${asSent}`;
}
