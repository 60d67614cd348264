/**
 * Idempotency tokens: token -> (fingerprint of the normalised request, original result). Only
 * successful creations are remembered, for the life of the emulator (until reset). Scopes keep
 * accounts, catalogs and services apart.
 */

export type TokenLookup<T> = { kind: 'new' } | { kind: 'replay'; result: T } | { kind: 'mismatch' };

export class IdempotencyStore<T> {
  private readonly entries = new Map<string, { fingerprint: string; result: T }>();

  lookup(scope: string, token: string, fingerprint: string): TokenLookup<T> {
    const entry = this.entries.get(`${scope}\u0000${token}`);
    if (entry === undefined) return { kind: 'new' };
    return entry.fingerprint === fingerprint
      ? { kind: 'replay', result: entry.result }
      : { kind: 'mismatch' };
  }

  remember(scope: string, token: string, fingerprint: string, result: T): void {
    this.entries.set(`${scope}\u0000${token}`, { fingerprint, result });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** JSON with object keys sorted, so that member order does not change the fingerprint. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
