import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Operation, requireScope } from '../auth/caller.js';
import type { RequestContext } from './context.js';
import { toGraphQLError } from './error-envelope-plugin.js';

function rootFields(document: DocumentNode, selectionSet: SelectionSetNode): Set<string> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return names;
}

/**
 * Checks the scope of every operation in the document before any runs: one missing scope refuses
 * the whole request with 403 FORBIDDEN and sends nothing to AWS, rather than running the other
 * fields of a multi-field mutation. (Resolvers check again, for any other way in.)
 */
export function useOperationScopes(): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { caller, scopes } = args.contextValue;
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      for (const field of rootFields(args.document, operation.selectionSet)) {
        if (!Object.hasOwn(scopes, field)) continue;
        try {
          requireScope(caller, scopes, field as Operation);
        } catch (error) {
          const refusal = toGraphQLError(error);
          if (!(refusal instanceof GraphQLError)) throw error;
          setResultAndStopExecution({ errors: [refusal] });
          return;
        }
      }
    },
  };
}
