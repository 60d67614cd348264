import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createParserCache, SizeBoundedCache } from '../../src/graphql/document-cache.js';

const limits = { maxBytes: 100, maxEntryBytes: 40, maxEntries: 3 };

describe('SizeBoundedCache (pure)', () => {
  it('keeps the total under its budget, evicting the least recently used', () => {
    const cache = new SizeBoundedCache<string>((key) => key.length, limits);
    cache.set('a'.repeat(30), 'A');
    cache.set('b'.repeat(30), 'B');
    expect(cache.get('a'.repeat(30))).toBe('A'); // a is now the most recent
    cache.set('c'.repeat(40), 'C'); // 100 bytes: fits exactly
    cache.set('d'.repeat(10), 'D'); // over the budget: b (least recent) goes
    expect(cache.get('b'.repeat(30))).toBeUndefined();
    expect(cache.get('a'.repeat(30))).toBe('A');
    expect(cache.size.bytes).toBeLessThanOrEqual(limits.maxBytes);
    expect(cache.size.entries).toBeLessThanOrEqual(limits.maxEntries);
  });

  it('does not keep an entry larger than its per-entry bound', () => {
    const cache = new SizeBoundedCache<string>((key) => key.length, limits);
    cache.set('x'.repeat(41), 'X');
    expect(cache.get('x'.repeat(41))).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });

  it('estimates a document by its text and tokens, and caches every document within the query limits', () => {
    const { documentCache } = createParserCache();
    const big = `query Q(${Array.from({ length: 240 }, (_, j) => `$v${j}: Int`).join(', ')}) { __typename }`;
    documentCache.set(big, parse(big));
    expect(documentCache.get(big)).toBeDefined();
    expect(documentCache.size.bytes).toBeGreaterThan(900 * 640);
  });
});
