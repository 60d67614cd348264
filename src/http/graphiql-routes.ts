import { Hono } from 'hono';
import { graphiqlAsset } from './graphiql-assets.js';
import { renderGraphiQLPage } from './graphiql-page.js';
import { requestErrorResponse } from './request-error.js';
import type { AppEnv } from './request-id.js';

/**
 * `GET /graphiql` and its assets, open (mounted before the auth guard, like /health): the page holds
 * no data, and the requests it sends to /graphql carry the token the user types into the Headers tab.
 * Mounted only where GraphiQL is enabled.
 */
export function createGraphiQLRoutes() {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => c.html(renderGraphiQLPage(), 200, { 'cache-control': 'no-cache' }));
  routes.get('/assets/:version/:name', async (c) => {
    const asset = await graphiqlAsset(
      c.req.param('version'),
      c.req.param('name'),
      c.req.header('accept-encoding'),
    );
    if (asset === 'gzip-required') {
      return requestErrorResponse(c, {
        status: 406,
        code: 'BAD_REQUEST',
        message: 'This GraphiQL asset is only served gzip-encoded: send "Accept-Encoding: gzip".',
        headers: { vary: 'accept-encoding' },
      });
    }
    if (!asset) return c.notFound();
    return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, asset.headers);
  });
  return routes;
}
