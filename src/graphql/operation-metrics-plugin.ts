import { type DocumentNode, type GraphQLError, getOperationAST, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { OutcomeRecorder } from '../logging/operation-metrics.js';

export interface RootField {
  /** The response key (alias or name), which error paths start with. */
  key: string;
  name: string;
}

// Filled when a document parses; a request that never parses (GET mutation, syntax error) has none.
const rootFieldsByRequest = new WeakMap<Request, RootField[]>();

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

// yoga's parse cache hands back the same document object for the same query text.
const fieldsByDocument = new WeakMap<DocumentNode, Map<string | undefined, RootField[]>>();

export function rootFieldsOf(document: DocumentNode, operationName: string | undefined): RootField[] {
  let byName = fieldsByDocument.get(document);
  if (!byName) {
    byName = new Map();
    fieldsByDocument.set(document, byName);
  }
  const cached = byName.get(operationName);
  if (cached) return cached;
  const fields = computeRootFields(document, operationName);
  byName.set(operationName, fields);
  return fields;
}

function computeRootFields(document: DocumentNode, operationName: string | undefined): RootField[] {
  const operation = getOperationAST(document, operationName);
  if (!operation) return [];
  return operation.selectionSet.selections.flatMap((s) =>
    s.kind === Kind.FIELD && !s.name.value.startsWith('__')
      ? [{ key: s.alias?.value ?? s.name.value, name: s.name.value }]
      : [],
  );
}

const codeOf = (error: GraphQLError): string => {
  const code = error.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
};

/** One outcome per root field: its own error's code, a request-level error's, or OK. */
export function recordOutcomes(
  recorder: OutcomeRecorder,
  fields: RootField[],
  errors: readonly GraphQLError[],
): void {
  const requestError = errors.find((e) => !e.path?.length);
  if (fields.length === 0) {
    recorder.record('unknown', requestError ? codeOf(requestError) : 'OK');
    return;
  }
  for (const field of fields) {
    const error = errors.find((e) => e.path?.[0] === field.key) ?? requestError;
    recorder.record(field.name, error ? codeOf(error) : 'OK');
  }
}

/**
 * Records one outcome per root field answered (`createResourceSnapshot` → OK / BAD_USER_INPUT /
 * THROTTLED ...), and `unknown` for requests refused before an operation was known. Runs after the
 * error envelope, so every error already carries its contract `code`.
 */
export function useOperationMetrics(recorder: OutcomeRecorder): Plugin {
  return {
    onParse({ context }) {
      return ({ result }) => {
        if (isDocument(result)) {
          rootFieldsByRequest.set(context.request, rootFieldsOf(result, context.params?.operationName));
        }
      };
    },
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || !('errors' in result || 'data' in result)) return;
      recordOutcomes(
        recorder,
        rootFieldsByRequest.get(request) ?? [],
        (result.errors ?? []) as GraphQLError[],
      );
    },
  };
}
