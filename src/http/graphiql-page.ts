import type { Context } from 'hono';

/**
 * A browser asking for GraphiQL: yoga answers it with the static page and executes nothing (the
 * same test as yoga's `shouldRenderGraphiQL`). Only when GraphiQL is on; otherwise such a GET is an
 * ordinary query and gets no exemption.
 */
export function isGraphiQLPageRequest(c: Context, graphiql: boolean): boolean {
  return (
    graphiql &&
    c.req.method === 'GET' &&
    c.req.path === '/graphql' &&
    (c.req.header('accept') ?? '').includes('text/html')
  );
}
