import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Config } from '../config.js';
import { isGraphiQLPageRequest } from '../http/graphiql-page.js';
import { requestErrorResponse } from '../http/request-error.js';
import type { AppEnv } from '../http/request-id.js';
import { bearerToken } from './bearer-token.js';
import { ANONYMOUS_CALLER, UNRESTRICTED_CALLER } from './caller.js';
import { callerFromClaims } from './caller-from-claims.js';
import { callerFromEvent } from './caller-from-event.js';
import { createJwtVerifier, type TokenCheck, type TokenVerifier } from './jwt-verifier.js';

type Refusal = Exclude<TokenCheck, { ok: true }>['reason'] | 'missing';

const MESSAGES: Record<Refusal, string> = {
  missing: 'Authentication required: send an access token as "Authorization: Bearer <token>".',
  invalid: 'The access token is invalid.',
  expired: 'The access token has expired.',
  unavailable: 'The access token cannot be verified right now; retry later.',
};
const IAM_MISSING = 'Authentication required: sign the request with AWS Signature Version 4 (IAM).';

function verifierFor(config: Config): TokenVerifier | undefined {
  const { issuer, audience, jwksUrl } = config.auth.jwt;
  return issuer && audience && jwksUrl ? createJwtVerifier({ issuer, audience, jwksUrl }) : undefined;
}

/**
 * Resolves the caller of every request that reaches it (mount it after /health) and sets
 * `c.set('caller', …)` for GraphQL and REST, or answers 401 itself. AUTH_MODE:
 * - `none`: everyone may do everything (refused on Lambda unless AUTH_ALLOW_NONE_ON_LAMBDA; said at
 *   start, src/auth/auth-off-warning.ts).
 * - `jwt`: on Lambda, the claims API Gateway's JWT authorizer put in the event; elsewhere (or on a
 *   Lambda route without authorizer, when JWT_* are set) a bearer token verified here.
 * - `iam`: the IAM identity API Gateway put in the event.
 * Tokens are never logged: only why they were refused.
 */
export function authenticate(config: Config, logger: Logger) {
  const { mode } = config.auth;
  const verify = mode === 'jwt' ? verifierFor(config) : undefined;

  const refuse = (c: Context<AppEnv>, reason: Refusal, detail?: string) => {
    const requestId = c.get('requestId');
    if (reason === 'unavailable') logger.error('Cannot verify access tokens', { requestId, detail });
    else logger.warn('Request refused: not authenticated', { requestId, reason, detail, authMode: mode });
    if (reason === 'unavailable') {
      return requestErrorResponse(c, {
        status: 503,
        code: 'UPSTREAM_UNAVAILABLE',
        message: MESSAGES.unavailable,
        retryable: true,
      });
    }
    // RFC 6750 §3: no error code when the request carried no token at all.
    const challenge = reason === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"';
    return requestErrorResponse(c, {
      status: 401,
      code: 'UNAUTHENTICATED',
      message: mode === 'iam' ? IAM_MISSING : MESSAGES[reason],
      headers: { 'WWW-Authenticate': challenge },
    });
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    if (mode === 'none') {
      c.set('caller', UNRESTRICTED_CALLER);
      return next();
    }
    if (isGraphiQLPageRequest(c, config.graphiql)) {
      // The page is static; the operations it sends are authenticated like any other request.
      c.set('caller', ANONYMOUS_CALLER);
      return next();
    }
    const event: unknown = c.env?.event;
    const fromGateway = event ? callerFromEvent(event, mode) : undefined;
    if (fromGateway) {
      c.set('caller', fromGateway);
      return next();
    }
    if (!verify) return refuse(c, 'missing', event ? 'no authorizer identity in the event' : undefined);
    const token = bearerToken(c.req.header('authorization'));
    if (!token) return refuse(c, 'missing');
    const check = await verify(token);
    if (!check.ok) return refuse(c, check.reason, check.detail);
    c.set('caller', callerFromClaims(check.claims));
    return next();
  });
}
