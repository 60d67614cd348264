import { cors } from 'hono/cors';

// An entry with a path or a trailing slash still names its origin.
function originOf(entry: string): string {
  try {
    return new URL(entry).origin;
  } catch {
    return entry;
  }
}

/** The request headers a page may send; serverless.yml's CorsConfiguration lists the same (tested). */
export const CORS_ALLOW_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-request-id',
  'x-graphql-csrf',
  // REST POSTs: the client's own idempotency token
  'idempotency-key',
  // SigV4-signed browser calls (AUTH_MODE=iam with Cognito identity pools)
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
];

/** The response headers a page may read: `location` is where a REST POST's new resource is. */
export const CORS_EXPOSE_HEADERS = ['x-request-id', 'www-authenticate', 'retry-after', 'location'];

/** What the CORS middleware adds to an answer for a request without Origin (the fast lane's). */
export const CORS_HEADERS_WITHOUT_ORIGIN: Readonly<Record<string, string>> = {
  'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(','),
  vary: 'Origin',
};

/**
 * CORS for exactly the origins in CORS_ORIGINS: an allowed origin is echoed, any other gets no
 * Access-Control-Allow-Origin at all (never `*`, never credentials: tokens travel in the
 * Authorization header, which needs no credentialed CORS). Preflights are answered here, before auth.
 */
export function corsAllowList(origins: readonly string[]) {
  const allowed = new Set(origins.map(originOf));
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST'],
    allowHeaders: CORS_ALLOW_HEADERS,
    exposeHeaders: CORS_EXPOSE_HEADERS,
    maxAge: 600,
  });
}

export function isAllowedOrigin(origins: readonly string[], origin: string): boolean {
  return origins.some((entry) => originOf(entry) === origin);
}
