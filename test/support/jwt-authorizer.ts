import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * What API Gateway's JWT authorizer checks, for the Lambda-faithful bridge: the signature (keys from
 * the issuer's JWKS), `iss` equal to the issuer, `aud` (or Cognito access tokens' `client_id`) in
 * the audience list, `exp`/`nbf`. Answers the claims as API Gateway passes them (strings), or
 * undefined for a token it refuses (API Gateway: 401 before the function runs).
 */
export function jwtAuthorizer(config: { issuer: string; audience: string[]; jwksUrl: string }) {
  const keys = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (token: string): Promise<Record<string, string> | undefined> => {
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: config.issuer });
      const audiences = [payload.aud ?? [], payload.client_id ?? []].flat().map(String);
      if (!audiences.some((a) => config.audience.includes(a))) return undefined;
      return Object.fromEntries(
        Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
      );
    } catch {
      return undefined;
    }
  };
}
