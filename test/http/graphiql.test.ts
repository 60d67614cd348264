import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_ASSETS_VERSION } from '../../src/http/graphiql-assets.js';
import { type Stack, startStack } from '../support/stack.js';

/** GraphiQL locally: the page at /graphiql and /graphql, its assets on their own routes. */
let stack: Stack;
let off: Stack;
beforeAll(async () => {
  stack = await startStack();
  off = await startStack({ env: { GRAPHIQL: 'false' } });
});
afterAll(async () => {
  await stack?.close();
  await off?.close();
});

/** A raw GET, so the test sees the encoded bytes (fetch would decompress them). */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const assetsOf = (html: string) =>
  [...html.matchAll(/"(graphiql\/assets\/[^"]+)"/g)].map((m) => m[1] as string);

describe('GraphiQL', () => {
  it('serves the same small page at /graphiql and, for a browser, at /graphql', async () => {
    const graphiql = await get(`${stack.url}/graphiql`);
    const graphql = await get(`${stack.url}/graphql`, { accept: 'text/html' });
    expect(graphiql.status).toBe(200);
    expect(graphiql.headers['content-type']).toContain('text/html');
    expect(graphiql.body.toString()).toBe(graphql.body.toString());
    expect(graphiql.body.length).toBeLessThan(16 * 1024);
    expect(assetsOf(graphiql.body.toString())).toHaveLength(6);
  });

  it('serves each asset gzip-encoded and cacheable, under the renderer’s pinned version', async () => {
    const installed = JSON.parse(
      readFileSync('node_modules/@graphql-yoga/render-graphiql/package.json', 'utf8'),
    ).version;
    expect(GRAPHIQL_ASSETS_VERSION).toBe(installed);
    const html = (await get(`${stack.url}/graphiql`)).body.toString();
    for (const asset of assetsOf(html)) {
      expect(asset).toContain(`/${GRAPHIQL_ASSETS_VERSION}/`);
      const res = await get(`${stack.url}/${asset}`, { 'accept-encoding': 'gzip, deflate, br' });
      expect(res.status, asset).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary).toContain('accept-encoding');
      expect(gunzipSync(res.body).length).toBeGreaterThan(res.body.length);
    }
  });

  it('serves small assets uncompressed to a client that refuses gzip, and 406 for the 5 MB script', async () => {
    const html = (await get(`${stack.url}/graphiql`)).body.toString();
    const css = assetsOf(html).find((a) => a.endsWith('.css')) as string;
    const js = assetsOf(html).find((a) => a.endsWith('/graphiql.js')) as string;
    const plain = await get(`${stack.url}/${css}`, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toContain('.graphiql-container');
    const refused = await get(`${stack.url}/${js}`, { 'accept-encoding': 'gzip;q=0' });
    expect(refused.status).toBe(406);
    expect(JSON.parse(refused.body.toString()).error).toMatchObject({
      code: 'BAD_REQUEST',
      retryable: false,
    });
  });

  it('answers 404 for an unknown asset or version, and everything when GraphiQL is off', async () => {
    expect((await get(`${stack.url}/graphiql/assets/0.0.1/graphiql.js`)).status).toBe(404);
    expect((await get(`${stack.url}/graphiql/assets/${GRAPHIQL_ASSETS_VERSION}/constructor`)).status).toBe(
      404,
    );
    expect((await get(`${off.url}/graphiql`)).status).toBe(404);
    expect((await get(`${off.url}/graphiql/assets/${GRAPHIQL_ASSETS_VERSION}/graphiql.css`)).status).toBe(
      404,
    );
  });
});
