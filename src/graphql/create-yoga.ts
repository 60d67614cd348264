import type { Logger } from '@aws-lambda-powertools/logger';
import { createYoga, type Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { GRAPHIQL_OPTIONS, renderGraphiQLPage } from '../http/graphiql-page.js';
import { schema } from '../schema/index.js';
import { useAcceptableResponse } from './acceptable-response-plugin.js';
import type { RequestContext } from './context.js';
import { useDisableIntrospection } from './disable-introspection-plugin.js';
import { createParserCache } from './document-cache.js';
import { maskUnexpectedError, useErrorEnvelope } from './error-envelope-plugin.js';
import { useGetParamsCheck } from './get-params-plugin.js';
import { useOperationScopes } from './operation-scopes-plugin.js';
import { useQueryLimits } from './query-limits-plugin.js';

/** The per-request values the HTTP layer hands to yoga; yoga passes them on as the GraphQL context. */
export type ServerContext = RequestContext;

/** `plugins` run after the error envelope, so they see every error with its contract code. */
export function createGraphQLServer(config: Config, logger: Logger, plugins: Plugin[] = []) {
  return createYoga<ServerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The HTTP layer answers CORS (an allow-list, see src/http); yoga's default reflects any origin.
    cors: false,
    batching: false,
    // Bounded by what the documents pin, not only by their number (see document-cache.ts).
    parserAndValidationCache: createParserCache(),
    logging: {
      debug: (...args) => logger.debug(String(args[0])),
      info: (...args) => logger.info(String(args[0])),
      warn: (...args) => logger.warn(String(args[0])),
      error: (...args) => logger.error(String(args[0])),
    },
    maskedErrors: { maskError: maskUnexpectedError(logger) },
    // A small page whose assets are separate routes (src/http/graphiql-assets.ts): loaded from the
    // app itself (yoga's default page uses a CDN) and each under Lambda's 6 MB.
    graphiql: config.graphiql ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL: () => renderGraphiQLPage(),
    plugins: [
      useErrorEnvelope(),
      // Security: query limits, introspection as configured, scopes checked before anything runs.
      useAcceptableResponse({ graphiql: config.graphiql }),
      useGetParamsCheck(),
      ...useQueryLimits({ blockFieldSuggestions: !config.introspection }),
      ...(config.introspection ? [] : [useDisableIntrospection()]),
      useOperationScopes() as Plugin,
      ...plugins,
    ],
  });
}
