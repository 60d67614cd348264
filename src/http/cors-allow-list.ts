import { cors } from 'hono/cors';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from './cors-headers.js';

// An entry with a path or a trailing slash still names its origin.
function originOf(entry: string): string {
  try {
    return new URL(entry).origin;
  } catch {
    return entry;
  }
}

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
