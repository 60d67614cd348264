import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface JwtIssuer {
  /** The JWT_* settings that make the facade trust this issuer. */
  env: { AUTH_MODE: 'jwt'; JWT_ISSUER: string; JWT_AUDIENCE: string; JWKS_URL: string };
  token(scopes: string[]): Promise<string>;
  close(): Promise<void>;
}

/** A token issuer on loopback: an ES256 key whose JWKS it serves, so the real verifier checks real tokens. */
export async function startJwtIssuer(): Promise<JwtIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'ES256' }] });
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${url}/issuer`;
  const audience = 'rest-tests';
  return {
    env: { AUTH_MODE: 'jwt', JWT_ISSUER: issuer, JWT_AUDIENCE: audience, JWKS_URL: `${url}/jwks.json` },
    token: (scopes) =>
      new SignJWT({ scope: scopes.join(' ') })
        .setProtectedHeader({ alg: 'ES256', kid: 'test' })
        .setSubject('rest-test-client')
        .setIssuer(issuer)
        .setAudience(audience)
        .setExpirationTime('5m')
        .sign(privateKey),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
