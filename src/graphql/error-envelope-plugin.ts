import type { Logger } from '@aws-lambda-powertools/logger';
import { type ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { graphqlExtensions } from '../errors/error-envelope.js';
import { FacadeError } from '../errors/facade-error.js';
import { variableFieldError } from './variable-errors.js';

type Extensions = Record<string, unknown> & {
  http?: { status?: number; spec?: boolean; headers?: Record<string, string> };
  code?: string;
};

/**
 * The one boundary where the facade's errors become GraphQL errors: a FacadeError thrown by a
 * resolver (graphql-js wraps it, with its path and locations) or refused before execution leaves
 * with its contract extensions; the FacadeError stays the `originalError` (and its `cause`, the
 * SDK's exception, for logs only). Anything else is returned as it is.
 */
export function toGraphQLError(error: unknown): unknown {
  if (error instanceof FacadeError)
    return new GraphQLError(error.message, { originalError: error, extensions: graphqlExtensions(error) });
  if (!(error instanceof GraphQLError) || !(error.originalError instanceof FacadeError)) return error;
  if (error.extensions.code !== undefined) return error;
  const facade = error.originalError;
  return new GraphQLError(facade.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: facade,
    extensions: graphqlExtensions(facade),
  });
}

function withFacadeErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((e) => e.originalError instanceof FacadeError)) return result;
  return { ...result, errors: result.errors.map((e) => toGraphQLError(e) as GraphQLError) };
}

/** The contract's finishing touches on one error: a code, the request id, no parser internals. */
export function withRequestId(error: GraphQLError, requestId: string | undefined): GraphQLError {
  const extensions: Extensions = { ...(error.extensions as Extensions) };
  if ('originalError' in extensions || extensions.code === 'BAD_REQUEST') {
    // A malformed HTTP request (bad JSON, wrong method or content type): never echo the parser's
    // message, and keep it a 4xx for every Accept (yoga derives its 400 from the field we strip).
    delete extensions.originalError;
    const { spec: _spec, ...http } = extensions.http ?? {};
    extensions.http = { ...http, status: http.status ?? 400 };
  }
  const variableError = variableFieldError(error.message);
  if (variableError) {
    extensions.code = 'BAD_USER_INPUT';
    extensions.fieldErrors = [variableError];
  }
  // yoga's code for a document of several operations without `operationName` (or naming none of
  // them): the document does not fit the request, a validation failure like any other.
  if (extensions.code === 'OPERATION_RESOLUTION_FAILURE') extensions.code = 'GRAPHQL_VALIDATION_FAILED';
  if (!extensions.code) {
    // graphql-js parse/validation errors carry no code; say which kind it was.
    extensions.code = error.message.startsWith('Syntax Error')
      ? 'GRAPHQL_PARSE_FAILED'
      : 'GRAPHQL_VALIDATION_FAILED';
  }
  // Contract §6.3: request-level errors (parse, validation, limits) say it too.
  if (typeof extensions.retryable !== 'boolean') extensions.retryable = false;
  extensions.requestId = requestId;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions,
  });
}

/**
 * Every error leaves with a `code` and the request id (for support), and nothing internal:
 * unexpected errors are already masked by yoga's `maskError` below.
 */
export function useErrorEnvelope(): Plugin<{ requestId?: string }> {
  return {
    // Before yoga's masking (registered after every plugin), which then lets them pass as they are.
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (!Array.isArray(result) && 'errors' in result && result.errors?.length) {
            setResult(withFacadeErrors(result as ExecutionResult));
          }
        },
      };
    },
    onResultProcess({ result, setResult, serverContext }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      const requestId = (serverContext as { requestId?: string }).requestId;
      setResult({ ...result, errors: result.errors.map((e) => withRequestId(e as GraphQLError, requestId)) });
    },
  };
}

/** yoga's maskError: logs what really happened, tells the client only that something did. */
export function maskUnexpectedError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    // Errors raised on purpose (FacadeError, graphql-js's own) pass, with the path graphql-js gave them.
    if (
      error instanceof GraphQLError &&
      (!error.originalError ||
        error.originalError instanceof GraphQLError ||
        error.originalError instanceof FacadeError)
    ) {
      return toGraphQLError(error) as GraphQLError;
    }
    if (error instanceof FacadeError) return toGraphQLError(error) as GraphQLError;
    logger.error('Unexpected error while executing a GraphQL operation', { error: original as Error });
    return new GraphQLError(message, {
      ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: false },
    });
  };
}
