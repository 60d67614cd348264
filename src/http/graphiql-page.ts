import type { GraphiQLOptions } from 'graphql-yoga';
import type { Context } from 'hono';
import { EXAMPLE_TABS } from '../graphql/graphiql-examples.js';
import { graphiqlAssetPath } from './graphiql-assets.js';

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

/** What GraphiQL opens with; its requests go to /graphql with the headers the user types in. */
export const GRAPHIQL_OPTIONS: GraphiQLOptions = {
  title: 'AWS Partner facade',
  endpoint: '/graphql',
  defaultTabs: EXAMPLE_TABS,
  shouldPersistHeaders: false,
};

// Inline JSON in a <script>: no "</script>" or "<!--" can end or bend it.
const scriptJson = (value: unknown): string => JSON.stringify(value).replaceAll('<', '\\u003c');
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The GraphiQL page (a few KB): the same page as yoga's renderer, with its assets linked instead
 * of inlined (src/http/graphiql-assets.ts), so every response fits Lambda's 6 MB. Links are
 * relative to the page, which is served at /graphiql and, for a browser, at /graphql.
 */
export function renderGraphiQLPage(options: GraphiQLOptions = GRAPHIQL_OPTIONS): string {
  const asset = graphiqlAssetPath;
  const workers = {
    editorWorkerService: asset('editor.worker.js'),
    json: asset('json.worker.js'),
    graphql: asset('graphql.worker.js'),
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${asset('favicon.ico')}" />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = ${scriptJson(workers)};
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (moduleId, label) => new URL(workers[label], document.baseURI).href,
      };
    </script>
    <script src="${asset('graphiql.js')}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}
