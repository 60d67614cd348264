import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Sized for this schema, which has no recursive type: its deepest selection
 * (`changeSet { changes { entity { type } } }`) has depth 4 and costs 50 in armor's units, the
 * GraphiQL examples use ~45 tokens. Introspection under `__schema` is exempt from depth and cost
 * (GraphiQL's own query is deep), `__type` is not: it is the classic nesting bomb.
 */
export const QUERY_LIMITS = {
  maxDepth: 6,
  /** Each alias of a root field is one more AWS call. */
  maxAliases: 5,
  /**
   * Large inputs belong in variables, which this does not count. Also bounds the parser's
   * recursion: 1000 tokens nest at most 500 levels (2000 overflowed the stack in tests).
   */
  maxTokens: 1000,
  maxDirectives: 10,
  maxCost: 500,
  /**
   * Characters of query text, checked before the lexer sees it: comments and whitespace are not
   * tokens, so without this a 1 MB body of comment around `{ __typename }` is lexed and cached.
   */
  maxQueryLength: 100_000,
} as const;

// armor reports its limits as "Syntax Error: …", whether from the parser (tokens) or validation
// (the rest, thrown out of graphql-js's validate); the nesting rejection is ours (below).
const ARMOR_REJECTION =
  /^Syntax Error: ((?:Query depth|Aliases|Token|Directives|Query Cost|Query length) limit of \d+ exceeded.*|The document nests too deeply\.)$/s;

function asValidationFailure(error: unknown): GraphQLError | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = ARMOR_REJECTION.exec(error.message);
  if (!match?.[1]) return undefined;
  // A 400 for every Accept (not only application/graphql-response+json): the client must change
  // its document, and nothing was executed.
  return new GraphQLError(match[1], {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
  });
}

/** graphql-armor's limits, with its rejections made 400 GRAPHQL_VALIDATION_FAILED (armor leaves 200, no code). */
export function useQueryLimits(options: { blockFieldSuggestions: boolean }): Plugin[] {
  return [
    EnvelopArmorPlugin({
      maxDepth: {
        n: QUERY_LIMITS.maxDepth,
        flattenFragments: true,
        ignoreIntrospection: true,
        exposeLimits: true,
      },
      maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: true },
      maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: true },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: true },
      costLimit: {
        maxCost: QUERY_LIMITS.maxCost,
        flattenFragments: true,
        ignoreIntrospection: true,
        exposeLimits: true,
      },
      // "Did you mean …?" would spell out the schema that disabled introspection hides.
      blockFieldSuggestion: { enabled: options.blockFieldSuggestions },
    }),
    {
      // Before any other work on the text (thrown here, it is not cached either).
      onParse({ params }) {
        const { source } = params;
        const length = typeof source === 'string' ? source.length : source.body.length;
        if (length > QUERY_LIMITS.maxQueryLength) {
          throw new GraphQLError(
            `Syntax Error: Query length limit of ${QUERY_LIMITS.maxQueryLength} exceeded, found ${length}.`,
          );
        }
        return undefined;
      },
    },
    {
      // graphql-js parses recursively: a document nesting deeper than the stack allows must be
      // the client's 400, not a masked 500 (the token limit makes this a last resort).
      onParse:
        () =>
        ({ result, replaceParseResult }) => {
          if (result instanceof RangeError)
            replaceParseResult(new GraphQLError('Syntax Error: The document nests too deeply.'));
        },
      // After yoga's own hooks, which would mark a parse error `spec` (200 for application/json).
      onExecutionResult({ result, setResult }) {
        if (!result || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
        if (!result.errors.some((e) => ARMOR_REJECTION.test(e.message))) return;
        setResult({ ...result, errors: result.errors.map((e) => asValidationFailure(e) ?? e) });
      },
    },
  ];
}
