import type { JWTPayload } from 'jose';

// jose is loaded on first use: behind API Gateway's authorizer it is never needed, and it would
// otherwise sit on the Lambda's start-up path.
type Jose = typeof import('jose');

export interface JwtSettings {
  issuer: string;
  audience: string;
  jwksUrl: string;
}

export type TokenCheck =
  | { ok: true; claims: JWTPayload }
  /** `detail` is safe to log: an error code, never the token nor a message quoting it. */
  | { ok: false; reason: 'expired' | 'invalid' | 'unavailable'; detail: string };

export type TokenVerifier = (token: string) => Promise<TokenCheck>;

/** Seconds of clock difference allowed between the issuer and us, for exp, nbf and iat alike. */
const CLOCK_SKEW_S = 5;

// Asymmetric algorithms only: an HMAC "key" taken from a public JWKS would let anyone sign.
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

// What a client's token can be wrong about; every other failure is ours (the JWKS is unreachable
// or unreadable) and must not read as "your token is bad".
const CLIENT_ERRORS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

/**
 * As API Gateway's JWT authorizer does: `aud` must name the audience; a token without `aud`
 * (a Cognito access token) must carry it as `client_id`.
 */
function hasAudience(claims: JWTPayload, audience: string): boolean {
  if (claims.aud !== undefined) return ([] as string[]).concat(claims.aud).includes(audience);
  return claims.client_id === audience;
}

function failure({ errors }: Jose, error: unknown): TokenCheck {
  if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired', detail: error.code };
  if (error instanceof errors.JOSEError && CLIENT_ERRORS.has(error.code)) {
    return { ok: false, reason: 'invalid', detail: error.code };
  }
  const detail =
    error instanceof errors.JOSEError ? error.code : error instanceof Error ? error.name : 'unknown';
  return { ok: false, reason: 'unavailable', detail };
}

/**
 * Verifies bearer tokens where no API Gateway authorizer did (local server, or a Lambda route
 * without one): signature against the issuer's JWKS (fetched lazily, cached, refetched for an
 * unknown `kid`), issuer, audience, expiry (required), not-before and issued-at, with 5 s of clock skew.
 */
export function createJwtVerifier({ issuer, audience, jwksUrl }: JwtSettings): TokenVerifier {
  let loaded: Promise<{ jose: Jose; jwks: ReturnType<Jose['createRemoteJWKSet']> }> | undefined;
  const load = () => {
    loaded ??= import('jose').then((jose) => ({
      jose,
      jwks: jose.createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 3_000, cooldownDuration: 30_000 }),
    }));
    return loaded;
  };
  return async (token) => {
    const { jose, jwks } = await load();
    try {
      const { payload } = await jose.jwtVerify(token, jwks, {
        issuer,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_SKEW_S,
        requiredClaims: ['exp'],
      });
      // As API Gateway's authorizer: a token issued in the future is not valid yet (jose checks
      // `iat` only for a maximum age), with the same skew as `exp` and `nbf`.
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000 + CLOCK_SKEW_S) {
        return { ok: false, reason: 'invalid', detail: 'ERR_JWT_CLAIM_VALIDATION_FAILED:iat' };
      }
      if (!hasAudience(payload, audience)) {
        return { ok: false, reason: 'invalid', detail: 'ERR_JWT_CLAIM_VALIDATION_FAILED:aud' };
      }
      return { ok: true, claims: payload };
    } catch (error) {
      return failure(jose, error);
    }
  };
}
