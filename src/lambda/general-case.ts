import { handle } from 'hono/aws-lambda';
import { type AppDeps, createApp } from '../app.js';
import type { AppGraphQL } from '../graphql/app-graphql.js';

/**
 * The Lambda host's general case: the hono app (REST, OpenAPI, GraphiQL, CORS, CSRF, bearer-token
 * authentication, the body limit, GraphQL through that middleware) around the GraphQL half built at
 * init, and hono's Lambda adapter. A lazy chunk: only src/lambda/app-handler.ts imports it, dynamically.
 */
export function createGeneralCase(deps: AppDeps, graphql: AppGraphQL) {
  const { app } = createApp(deps, graphql);
  return { app, serve: handle(app) };
}
