/**
 * Stands in for `@whatwg-node/fetch` in the Lambda bundle only (an esbuild alias in
 * serverless.yml): Node's own fetch API instead of the ponyfill, as that package itself does on
 * Deno and Bun. It keeps ~80 KB (node-fetch, busboy) off the cold-start path; hono already hands
 * yoga a native Request. Tests of the unbundled app still run on the ponyfill; the packaged-bundle
 * tests run on this.
 */

/**
 * Node 20 and 22 have no global URLPattern. yoga builds one only from its endpoint (a literal path,
 * '/graphql') and consults it only when the path did not already match literally, so a literal
 * pathname matcher is all it needs; anything else fails loudly instead of matching wrongly.
 */
class LiteralPathnamePattern {
  readonly pathname: string;

  constructor(init: { pathname?: string } = {}) {
    const pathname = init.pathname ?? '';
    if (/[:*(){}?+\\]/.test(pathname)) {
      throw new Error(`URLPattern with pattern syntax is not available in this bundle: ${pathname}`);
    }
    this.pathname = pathname;
  }

  test(input: string | URL | { pathname?: string }): boolean {
    const pathname = typeof input === 'string' ? new URL(input, 'http://localhost').pathname : input.pathname;
    return pathname === this.pathname;
  }
}

export const URLPattern =
  (globalThis as { URLPattern?: typeof LiteralPathnamePattern }).URLPattern ?? LiteralPathnamePattern;

export const {
  fetch,
  Headers,
  Request,
  Response,
  FormData,
  ReadableStream,
  WritableStream,
  TransformStream,
  CompressionStream,
  DecompressionStream,
  TextDecoderStream,
  TextEncoderStream,
  Blob,
  File,
  crypto,
  btoa,
  TextEncoder,
  TextDecoder,
  URL,
  URLSearchParams,
} = globalThis;

// The same names as an object, for callers of createFetch (the ponyfill's factory).
// biome-ignore format: a list of names, kept compact.
const FETCH_API_NAMES = ['fetch', 'Headers', 'Request', 'Response', 'FormData', 'ReadableStream', 'WritableStream',
  'TransformStream', 'CompressionStream', 'DecompressionStream', 'TextDecoderStream', 'TextEncoderStream', 'Blob',
  'File', 'crypto', 'btoa', 'TextEncoder', 'TextDecoder', 'URL', 'URLSearchParams'] as const;

export function createFetch() {
  const api: Record<string, unknown> = { URLPattern };
  for (const name of FETCH_API_NAMES) api[name] = globalThis[name];
  return api;
}
