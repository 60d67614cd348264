import { gzipSync } from 'node:zlib';

/**
 * GraphiQL's assets (yoga's renderer, ~9 MB in all), served one per route instead of inlined into
 * one page: yoga's page is a 9 MB response, over Lambda's 6 MB limit. Each asset is gzip-encoded
 * (the largest, 5.3 MB of JavaScript, is 1.4 MB gzipped, 1.9 MB base64 in a Lambda result) and
 * cacheable forever: its URL carries the renderer's version.
 */

/** The version of @graphql-yoga/render-graphiql (pinned in package.json; a test checks they match). */
export const GRAPHIQL_ASSETS_VERSION = '5.24.1';

// An identity (uncompressed) body above this would not fit a Lambda result once JSON-escaped.
const IDENTITY_LIMIT_BYTES = 4 * 1024 * 1024;

interface AssetSource {
  type: string;
  bytes: (bundle: GraphiQLBundle) => Buffer;
}

interface GraphiQLBundle {
  js: string;
  css: string;
  favicon: string;
  editorWorkerService: string;
  jsonWorker: string;
  graphqlWorker: string;
}

const JS = 'text/javascript; charset=utf-8';
const SOURCES: Record<string, AssetSource> = {
  'graphiql.js': { type: JS, bytes: (b) => Buffer.from(b.js) },
  'graphiql.css': { type: 'text/css; charset=utf-8', bytes: (b) => Buffer.from(b.css) },
  'editor.worker.js': { type: JS, bytes: (b) => Buffer.from(b.editorWorkerService) },
  'json.worker.js': { type: JS, bytes: (b) => Buffer.from(b.jsonWorker) },
  'graphql.worker.js': { type: JS, bytes: (b) => Buffer.from(b.graphqlWorker) },
  // The renderer ships it as a data: URL.
  'favicon.ico': {
    type: 'image/x-icon',
    bytes: (b) => Buffer.from(b.favicon.replace(/^data:[^,]*,/, ''), 'base64'),
  },
};

/** The assets' names, for the page's links and the routes. */
export const GRAPHIQL_ASSET_NAMES = Object.keys(SOURCES);

export const graphiqlAssetPath = (name: string): string =>
  `graphiql/assets/${GRAPHIQL_ASSETS_VERSION}/${name}`;

interface Built {
  type: string;
  identity: Buffer;
  gzip?: Buffer;
}
const built = new Map<string, Built>();
let bundle: Promise<GraphiQLBundle> | undefined;

// The renderer's assets module is not in its package exports; it is imported by path, which
// esbuild bundles into a lazy chunk like any other (the version is pinned exactly).
const loadBundle = (): Promise<GraphiQLBundle> => {
  bundle ??= import(
    // @ts-expect-error: the module's declarations live in the package's typings/ folder.
    '../../node_modules/@graphql-yoga/render-graphiql/esm/graphiql.js'
  ) as Promise<GraphiQLBundle>;
  return bundle;
};

export interface AssetResponse {
  headers: Record<string, string>;
  body: Uint8Array;
}

const acceptsGzip = (acceptEncoding: string | undefined): boolean =>
  (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(
      ([coding, ...params]) =>
        /^(gzip|\*)$/i.test(coding?.trim() ?? '') && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)),
    );

/**
 * The asset `name` of `version`, gzip-encoded when the client accepts it (every browser does).
 * Compressed once per process, on first request. Undefined for an unknown name or version;
 * `gzip-required` when the client refuses gzip and the identity body would not fit a Lambda result.
 */
export async function graphiqlAsset(
  version: string,
  name: string,
  acceptEncoding: string | undefined,
): Promise<AssetResponse | 'gzip-required' | undefined> {
  const source = SOURCES[name];
  if (version !== GRAPHIQL_ASSETS_VERSION || !source || !Object.hasOwn(SOURCES, name)) return undefined;
  let asset = built.get(name);
  if (!asset) {
    asset = { type: source.type, identity: source.bytes(await loadBundle()) };
    built.set(name, asset);
  }
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'accept-encoding',
  };
  if (acceptsGzip(acceptEncoding)) {
    asset.gzip ??= gzipSync(asset.identity, { level: 9 });
    return { headers: { ...headers, 'content-encoding': 'gzip' }, body: asset.gzip };
  }
  if (asset.identity.length > IDENTITY_LIMIT_BYTES) return 'gzip-required';
  return { headers, body: asset.identity };
}
