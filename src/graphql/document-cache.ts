import type { DocumentNode } from 'graphql';

/**
 * What a parsed document pins, as an estimate: its text (the cache key, also kept by the AST's
 * `loc.source`) and its tokens, each of which the AST keeps as a linked `Token` with its location.
 * Measured: ~1,000 tokens pin 350-600 KB (fields with arguments, variable definitions), so tokens,
 * not characters, dominate; the estimate takes the upper figure.
 */
const BYTES_PER_CHAR = 2;
const BYTES_PER_TOKEN = 640;

export const DOCUMENT_CACHE_LIMITS = {
  /** All cached documents together, estimated as above. */
  maxBytes: 8 * 1024 * 1024,
  /**
   * One document: anything larger is parsed for its request and not kept. Every document within
   * the query limits (100 000 characters, 1 000 tokens: ~840 KB estimated) fits.
   */
  maxEntryBytes: 1024 * 1024,
  maxEntries: 1024,
} as const;

function tokenCount(document: DocumentNode): number {
  let n = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) n++;
  return n;
}

/**
 * A least-recently-used cache bounded by the total size of what it holds (yoga's default keeps
 * 1,024 documents whatever their size: distinct ~900 KB queries pinned ~0.9 MiB each). Oversized
 * entries are not cached at all. `get`/`set` is the interface yoga's parserAndValidationCache takes.
 */
export class SizeBoundedCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly sizeOf: (key: string, value: T) => number,
    private readonly limits: {
      maxBytes: number;
      maxEntryBytes: number;
      maxEntries: number;
    } = DOCUMENT_CACHE_LIMITS,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last, so eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.bytes;
    }
    const bytes = this.sizeOf(key, value);
    if (bytes > this.limits.maxEntryBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [k, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.entries.delete(k);
      this.bytes -= entry.bytes;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** yoga's parser cache, documents and parse errors alike, bounded by what they pin. */
export function createParserCache() {
  return {
    documentCache: new SizeBoundedCache<DocumentNode>(
      (key, document) => key.length * BYTES_PER_CHAR + tokenCount(document) * BYTES_PER_TOKEN,
    ),
    // A parse error keeps the text it was raised on (its `source`), no AST.
    errorCache: new SizeBoundedCache<unknown>((key) => key.length * BYTES_PER_CHAR + 1024),
  };
}
