import type { Caller } from './caller.js';

function addScopes(into: Set<string>, value: unknown): void {
  if (typeof value !== 'string') return;
  for (const scope of value.split(' ')) if (scope) into.add(scope);
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
  // RFC 9068 §2.2.3 and Cognito: `scope` is one space-separated string; a token that carries it
  // in any other form (a JSON array) grants no scope, as API Gateway's authorizer would not match it.
  addScopes(scopes, claims.scope);
  // API Gateway's own list (`jwt.scopes`) is an array of scopes it matched.
  if (Array.isArray(authorizerScopes)) for (const scope of authorizerScopes) addScopes(scopes, scope);
  return { subject: text(claims.sub) ?? text(claims.client_id), scopes };
}
