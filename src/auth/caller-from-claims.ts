import type { Caller } from './caller.js';

function addScopes(into: Set<string>, value: unknown): void {
  if (typeof value === 'string') {
    for (const scope of value.split(/\s+/)) if (scope) into.add(scope);
  } else if (Array.isArray(value)) {
    for (const item of value) addScopes(into, item);
  }
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * A caller from verified JWT claims: scopes from the space-separated `scope` claim (OAuth 2.0,
 * Cognito access tokens) plus any the authorizer lists itself (API Gateway's `jwt.scopes`).
 * Cognito's client-credentials tokens have no user: their subject is the app client.
 */
export function callerFromClaims(claims: Record<string, unknown>, authorizerScopes?: unknown): Caller {
  const scopes = new Set<string>();
  addScopes(scopes, claims.scope);
  addScopes(scopes, authorizerScopes);
  return { subject: text(claims.sub) ?? text(claims.client_id), scopes };
}
