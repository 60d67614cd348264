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

/**
 * What no operation counted itself (src/operations/invoke-operation.ts counts every call): a
 * request refused before execution (parse, validation, limits, variables, scopes) counts once per
 * root field it names, with the refusal's code, or once as `unknown` when it names none; a document
 * of only `__typename` or introspection counts as `unknown` OK.
 */
export function recordRefusals(
  recorder: OutcomeRecorder,
  fields: RootField[],
  errors: readonly GraphQLError[],
): void {
  const requestError = errors.find((e) => !e.path?.length);
  if (!requestError) {
    if (fields.length === 0) recorder.record('unknown', 'OK');
    return;
  }
  if (fields.length === 0) recorder.record('unknown', codeOf(requestError));
  for (const field of fields) recorder.record(field.name, codeOf(requestError));
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
          rootFieldsByRequest.set(context.request, rootFieldsOf(result, context.params?.operationName));
        }
      };
    },
    onResultProcess({ request, result }) {
      if (Array.isArray(result) || !('errors' in result || 'data' in result)) return;
      recordRefusals(
        recorder,
        rootFieldsByRequest.get(request) ?? [],
        (result.errors ?? []) as GraphQLError[],
      );
    },
  };
}
