import type { AuthMode } from '../config.js';
import type { Caller } from './caller.js';
import { callerFromClaims } from './caller-from-claims.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const nonEmpty = (value: unknown): value is Json => isObject(value) && Object.keys(value).length > 0;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * The caller API Gateway authenticated, read from the Lambda event: only API Gateway writes
 * `requestContext`, so what is there was checked by its authorizer. Undefined when the route has
 * no matching authorizer (a misconfigured route must not open the API).
 *
 * - jwt, HTTP API (2.0): `authorizer.jwt.claims` and `authorizer.jwt.scopes`
 * - jwt, REST API (1.0, Cognito authorizer): `authorizer.claims`
 * - iam, HTTP API: `authorizer.iam.userArn`; REST API: `identity.userArn`
 */
export function callerFromEvent(event: unknown, mode: Exclude<AuthMode, 'none'>): Caller | undefined {
  if (!isObject(event) || !isObject(event.requestContext)) return undefined;
  const context = event.requestContext;
  const authorizer = isObject(context.authorizer) ? context.authorizer : {};
  const v2 = event.version === '2.0';

  if (mode === 'jwt') {
    const jwt = v2 && isObject(authorizer.jwt) ? authorizer.jwt : undefined;
    const claims = v2 ? jwt?.claims : authorizer.claims;
    return nonEmpty(claims) ? callerFromClaims(claims, jwt?.scopes) : undefined;
  }
  // IAM authorizes by policy on the route (execute-api:Invoke); every GraphQL operation shares
  // POST /graphql, so per-operation scopes cannot apply: the signed identity may call them all.
  const identity = v2 ? authorizer.iam : context.identity;
  const userArn = isObject(identity) ? text(identity.userArn) : undefined;
  return userArn ? { subject: userArn, scopes: 'all' } : undefined;
}
