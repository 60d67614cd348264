import { type DocumentNode, type GraphQLError, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';
import { rootFieldNames } from './root-fields.js';

// Filled when a document parses; a request that never parses (GET mutation, syntax error) has none.
const rootFieldsByRequest = new WeakMap<Request, readonly string[]>();

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

const codeOf = (error: GraphQLError | undefined): string => {
  const code = error?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

/**
 * What no operation counted itself (src/operations/invoke-operation.ts counts every call). A
 * result without `data` was refused before execution (parse, validation, limits, variables,
 * scopes): it counts once per root field it selects, with the refusal's code, or once as
 * `unknown` when it selects none. An executed document of only `__typename` or introspection
 * counts as `unknown` OK. The outcome of an executed field is its operation's call: a field that
 * fails only while its answer is rendered (rare: answers are checked first) is not counted again.
 */
export function recordRefusals(
  recorder: OutcomeRecorder,
  fields: readonly string[],
  result: { data?: unknown; errors?: readonly GraphQLError[] },
): void {
  if ('data' in result && result.data !== undefined) {
    if (fields.length === 0) recorder.record('unknown', 'OK');
    return;
  }
  const code = codeOf(result.errors?.[0]);
  if (fields.length === 0) recorder.record('unknown', code);
  for (const field of fields) recorder.record(field, code);
}

/**
 * Counts the requests that never reached an operation (`createResourceSnapshot` -> FORBIDDEN,
 * `unknown` -> GRAPHQL_PARSE_FAILED ...). Runs after the error envelope, so every error already
 * carries its contract `code`.
 */
export function useOperationMetrics(recorder: OutcomeRecorder): Plugin {
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (isDocument(result)) {
          rootFieldsByRequest.set(context.request, rootFieldNames(result, context.params?.operationName));
        }
      };
    },
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || !('errors' in result || 'data' in result)) return;
      recordRefusals(recorder, rootFieldsByRequest.get(request) ?? [], result as { errors?: GraphQLError[] });
    },
  };
}
