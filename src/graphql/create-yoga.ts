import type { Logger } from '@aws-lambda-powertools/logger';
import { type ExecutionArgs, execute, GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from '../config.js';
import { GRAPHIQL_OPTIONS, renderGraphiQLPage } from '../http/graphiql-page.js';
import { prints } from '../logging/log-level.js';
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

// biome-ignore lint/suspicious/noExplicitAny: yoga's user-context generic is not needed by the hosts.
export type GraphQLServer = YogaServerInstance<ServerContext, any>;

/**
 * graphql-js's `execute`, answering as yoga's default (the graphql-tools executor) does: variables
 * that do not coerce (no execution, no `data`) are the client's 400.
 */
const executeDocument = ((args: ExecutionArgs) => {
  const result = execute(args);
  if (result instanceof Promise || 'data' in result || !result.errors) return result;
  return {
    errors: result.errors.map(
      (e) =>
        new GraphQLError(e.message, {
          nodes: e.nodes,
          source: e.source,
          positions: e.positions,
          path: e.path,
          originalError: e.originalError,
          extensions: { ...e.extensions, http: { ...(e.extensions?.http as object), status: 400 } },
        }),
    ),
  };
}) as typeof execute;

/**
 * The executor of a cached, validated document (yoga's parse and validation caches): graphql-js's
 * own `execute`; the graphql-tools executor yoga uses by default costs ~100 µs more per call, for
 * @defer/@stream, which this schema does not have.
 */
const useGraphQLJsExecute = (): Plugin => ({
  onExecute({ setExecuteFn }) {
    setExecuteFn(executeDocument as Parameters<typeof setExecuteFn>[0]);
  },
});

/** `plugins` run after the error envelope, so they see every error with its contract code. */
export function createGraphQLServer(config: Config, logger: Logger, plugins: Plugin[] = []): GraphQLServer {
  const all: Plugin[] = [
    useErrorEnvelope(),
    // Security: query limits, introspection as configured, scopes checked before anything runs.
    useAcceptableResponse({ graphiql: config.graphiql }),
    useGetParamsCheck(),
    ...useQueryLimits({ blockFieldSuggestions: !config.introspection }),
    ...(config.introspection ? [] : [useDisableIntrospection()]),
    useOperationScopes() as Plugin,
    useGraphQLJsExecute(),
    ...plugins,
  ];
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
      // yoga says several debug lines per request: built only when printed (src/logging/log-level.ts).
      debug: (...args) => {
        if (prints(logger, 'DEBUG')) logger.debug(String(args[0]));
      },
      info: (...args) => logger.info(String(args[0])),
      warn: (...args) => logger.warn(String(args[0])),
      error: (...args) => logger.error(String(args[0])),
    },
    maskedErrors: { maskError: maskUnexpectedError(logger) },
    // A small page whose assets are separate routes (src/http/graphiql-assets.ts): loaded from the
    // app itself (yoga's default page uses a CDN) and each under Lambda's 6 MB.
    graphiql: config.graphiql ? GRAPHIQL_OPTIONS : false,
    renderGraphiQL: () => renderGraphiQLPage(),
    plugins: all,
  });
}
