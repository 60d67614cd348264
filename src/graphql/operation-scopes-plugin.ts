import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type Operation, requireScope } from '../auth/caller.js';
import type { RequestContext } from './context.js';
import { toGraphQLError } from './error-envelope-plugin.js';
import { rootFieldNames } from './root-fields.js';

/**
 * Checks the scope of every operation in the document before any runs: one missing scope refuses
 * the whole request with 403 FORBIDDEN and sends nothing to AWS, rather than running the other
 * fields of a multi-field mutation. (Resolvers check again, for any other way in.)
 */
export function useOperationScopes(): Plugin<RequestContext> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { caller, scopes } = args.contextValue;
      for (const field of new Set(rootFieldNames(args.document, args.operationName ?? undefined))) {
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
