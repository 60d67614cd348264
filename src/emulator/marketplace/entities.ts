import { randomBytes } from 'node:crypto';
import { entityKey, type SeedEntity } from '../seed.js';
import { identifierPrefix } from './change-types.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Random `[a-z0-9]{length}`; the modulo bias is irrelevant here. */
export function randomId(length: number): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Catalog entities by key (type without @version, identifier without @revision). */
export class EntityRegistry {
  private readonly entities = new Map<string, SeedEntity>();

  constructor(private readonly seed: SeedEntity[]) {
    this.reset();
  }

  has(type: string, identifier: string): boolean {
    return this.entities.has(entityKey(type, identifier));
  }

  /** Creates an entity with a fresh identifier such as prod-4b7kq0x2m9d1a. */
  create(type: string): string {
    const identifier = `${identifierPrefix(type)}-${randomId(13)}`;
    this.entities.set(entityKey(type, identifier), { type, identifier });
    return identifier;
  }

  reset(): void {
    this.entities.clear();
    for (const e of this.seed) this.entities.set(entityKey(e.type, e.identifier), e);
  }
}
