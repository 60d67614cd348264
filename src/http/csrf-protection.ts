import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { isAllowedOrigin } from './cors-allow-list.js';
import { isGraphiQLPageRequest } from './graphiql-page.js';
import { requestErrorResponse } from './request-error.js';
import type { AppEnv } from './request-id.js';

// JSON is never a type a form (or a no-cors fetch) can send cross-site without a CORS preflight.
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;
// Headers a page can only send after a preflight our CORS allow-list answered.
const PREFLIGHTED_HEADERS = [
  'authorization',
  'x-graphql-csrf',
  'x-graphql-yoga-csrf',
  'apollo-require-preflight',
];

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** From another site, as the browser says (Fetch Metadata), else as the Origin header says. */
function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'cross-site' || site === 'same-site';
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== new URL(c.req.url).origin;
}

/**
 * CSRF prevention (as yoga's useCSRFPrevention, for GraphQL and REST alike): whatever a hostile
 * page can make a visitor's browser send without a CORS preflight is refused.
 * - A body must be JSON (`application/json` or `application/*+json`, which need a preflight):
 *   anything else gets 415, so form-encoded, multipart and text/plain bodies never reach a parser.
 * - A GET from another site (Sec-Fetch-Site, else Origin) must come from an origin in
 *   CORS_ORIGINS or carry a header that needed a preflight (Authorization, X-GraphQL-CSRF, …),
 *   else 403: not even a query runs, e.g. against a local server with AUTH_MODE=none.
 * Clients other than browsers send neither Origin nor Sec-Fetch-Site and are unaffected.
 */
export function csrfProtection(options: { origins: readonly string[]; graphiql: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') {
      if (
        crossSite(c) &&
        !isAllowedOrigin(options.origins, c.req.header('origin') ?? '') &&
        !PREFLIGHTED_HEADERS.some((h) => c.req.header(h) !== undefined) &&
        !isGraphiQLPageRequest(c, options.graphiql)
      ) {
        return requestErrorResponse(c, {
          status: 403,
          code: 'FORBIDDEN',
          message:
            'Cross-site request refused (CSRF prevention): call from an origin in CORS_ORIGINS, or send an "X-GraphQL-CSRF" header.',
        });
      }
    } else if (method === 'POST' && !JSON_TYPE.test(mediaType(c))) {
      // Only POST: a page can send no other method cross-site without a preflight, and every
      // other method gets its 405 from the route, in the envelope.
      return requestErrorResponse(c, {
        status: 415,
        code: 'BAD_REQUEST',
        message: 'Send the request body as JSON, with "Content-Type: application/json".',
      });
    }
    return next();
  });
}
