import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';

export const ALL_SCOPES = [
  'partnercentral/snapshots.write',
  'partnercentral/snapshots.read',
  'marketplace/changesets.write',
  'marketplace/changesets.read',
].join(' ');

export interface TokenOptions {
  scope?: string;
  issuer?: string;
  audience?: string | null;
  /** Seconds from now; negative for an expired token; null for no `exp` at all. */
  expiresIn?: number | null;
  /** Sign with a key the JWKS does not hold (under the same kid): a bad signature. */
  forged?: boolean;
  claims?: JWTPayload;
  /** `iat` in seconds from now (negative: in the past); now by default. */
  issuedIn?: number;
  /** `nbf` in seconds from now; none by default. */
  notBeforeIn?: number;
}

export interface TestIssuer {
  issuer: string;
  audience: string;
  jwksUrl: string;
  /** The env that puts the app in AUTH_MODE=jwt against this issuer. */
  env: Record<string, string>;
  token(options?: TokenOptions): Promise<string>;
  close(): Promise<void>;
}

/** A tiny OAuth issuer on loopback: an RS256 key pair made here, its JWKS served over HTTP. */
export async function startTestIssuer(): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const intruder = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' }] };
  const server = createServer((req, res) => {
    if (req.url !== '/.well-known/jwks.json') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = `${base}/issuer`;
  const audience = 'aws-partner-facade';

  async function token(options: TokenOptions = {}): Promise<string> {
    const key: CryptoKey = options.forged ? intruder.privateKey : privateKey;
    const jwt = new SignJWT({ scope: options.scope ?? ALL_SCOPES, ...options.claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuer(options.issuer ?? issuer)
      .setSubject('user-123')
      .setIssuedAt(Math.floor(Date.now() / 1000) + (options.issuedIn ?? 0));
    if (options.notBeforeIn !== undefined)
      jwt.setNotBefore(Math.floor(Date.now() / 1000) + options.notBeforeIn);
    if (options.audience !== null) jwt.setAudience(options.audience ?? audience);
    if (options.expiresIn !== null) {
      jwt.setExpirationTime(Math.floor(Date.now() / 1000) + (options.expiresIn ?? 300));
    }
    return jwt.sign(key);
  }

  return {
    issuer,
    audience,
    jwksUrl: `${base}/.well-known/jwks.json`,
    env: {
      AUTH_MODE: 'jwt',
      JWT_ISSUER: issuer,
      JWT_AUDIENCE: audience,
      JWKS_URL: `${base}/.well-known/jwks.json`,
    },
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
