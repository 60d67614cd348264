// application/json and every application/*+json type, in any case, with or without parameters.
const JSON_MEDIA_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * yoga reads a POST body only for a lower-case `application/json` (and answers anything else with
 * an empty 415), while the CSRF guard and REST accept `application/*+json` in any case, as media
 * types are case-insensitive (RFC 9110 §8.3.1). So that /graphql accepts exactly what they accept,
 * such a type is handed to yoga as `application/json`, its parameters (charset) kept.
 */
export function withCanonicalJsonType(request: Request): Request {
  const type = request.headers.get('content-type');
  if (type === null || type.startsWith('application/json') || !JSON_MEDIA_TYPE.test(type)) return request;
  const canonical = type.replace(/^\s*[^;]*/, 'application/json');
  try {
    request.headers.set('content-type', canonical);
    return request;
  } catch {
    // Headers of a Request that are immutable here: a copy with the canonical type.
    const headers = new Headers(request.headers);
    headers.set('content-type', canonical);
    return new Request(request, { headers, duplex: 'half' } as RequestInit);
  }
}
