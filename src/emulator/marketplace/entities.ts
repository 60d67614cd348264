import { randomBytes } from 'node:crypto';
import { entityKey, type SeedEntity } from '../seed.js';
import { identifierPrefix } from './change-types.js';
import { applyChange, initialDetails } from './entity-details.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** When seeded entities were last modified, unless a seeded change set changed them since. */
export const SEED_ENTITY_MODIFIED = Date.parse('2026-10-01T12:00:00Z');

/** Random `[a-z0-9]{length}`; the modulo bias is irrelevant here. */
export function randomId(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

export interface Entity {
  type: string;
  identifier: string;
  /** Starts at 1; each applied change set that names the entity adds one. */
  revision: number;
  lastModified: number;
  details: Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** Catalog entities by key (type without @version, identifier without @revision). */
export class EntityRegistry {
  private readonly entities = new Map<string, Entity>();

  constructor(private readonly seed: SeedEntity[]) {
    this.reset();
  }

  has(type: string, identifier: string): boolean {
    return this.entities.has(entityKey(type, identifier));
  }

  /** DescribeEntity names no type: the identifier alone (without @revision) finds the entity. */
  find(identifier: string): Entity | undefined {
    const id = identifier.split('@')[0];
    for (const entity of this.entities.values()) if (entity.identifier === id) return entity;
    return undefined;
  }

  /** Creates an entity with a fresh identifier such as prod-4b7kq0x2m9d1a. */
  create(type: string, at: number, details: Json = {}): string {
    const identifier = `${identifierPrefix(type)}-${randomId(13)}`;
    this.entities.set(entityKey(type, identifier), {
      type,
      identifier,
      revision: 1,
      lastModified: at,
      details: initialDetails(type, identifier, details),
    });
    return identifier;
  }

  /** Records a change applied by a succeeded change set. */
  change(type: string, identifier: string, changeType: string, details: Json, at: number): void {
    const entity = this.entities.get(entityKey(type, identifier));
    if (entity === undefined) return;
    entity.revision += 1;
    entity.lastModified = at;
    entity.details = applyChange(entity.type, entity.details, changeType, details);
  }

  reset(): void {
    this.entities.clear();
    // A made-up offer document names the first seeded product, as an offer always has one.
    const product = this.seed.find((e) => /Product(@|$)/.test(e.type))?.identifier.split('@')[0];
    for (const e of this.seed) {
      const identifier = e.identifier.split('@')[0] as string;
      this.entities.set(entityKey(e.type, identifier), {
        type: e.type,
        identifier,
        revision: 1,
        lastModified: SEED_ENTITY_MODIFIED,
        details:
          e.details === undefined
            ? initialDetails(e.type, identifier, { ProductId: product })
            : structuredClone(e.details),
      });
    }
  }
}
