// The CORS header lists alone, without hono's middleware: the fast lane adds what that middleware
// would for a request without Origin, and must not load hono to do so (src/lambda/app-handler.ts).

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
