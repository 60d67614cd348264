import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, useQueryLimits } from '../../src/graphql/query-limits-plugin.js';

// Stands in for a document that nests deeper than the stack, whatever the stack size.
const overflowingParser: Plugin = {
  onParse({ setParseFn }) {
    setParseFn(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
  },
};

function yoga(plugins: Plugin[]) {
  return createYoga({ schema: createSchema({ typeDefs: 'type Query { a: String }' }), plugins });
}

async function post(server: ReturnType<typeof yoga>, query: string, accept = 'application/json') {
  const res = await server.fetch('http://facade/graphql', {
    method: 'POST',
    headers: { accept, 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: await res.json() };
}

describe('query limits', () => {
  it('a stack overflow while parsing is a 400, not a masked 500', async () => {
    const res = await post(
      yoga([...useQueryLimits({ blockFieldSuggestions: false }), overflowingParser]),
      '{ a }',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({
      message: 'The document nests too deeply.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('every armor rejection is 400 GRAPHQL_VALIDATION_FAILED for both Accept types, with the limit named', async () => {
    const server = yoga(useQueryLimits({ blockFieldSuggestions: false }));
    const cases: Array<[string, RegExp]> = [
      [`{ ${'a '.repeat(QUERY_LIMITS.maxTokens + 1)}}`, /^Token limit of 1000 exceeded/],
      [`{ ${Array.from({ length: 6 }, (_, i) => `x${i}: a`).join(' ')} }`, /^Aliases limit of 5 exceeded/],
      [`{ a ${'@skip(if: false) '.repeat(11)}}`, /^Directives limit of 10 exceeded/],
      [`{ ${'a '.repeat(QUERY_LIMITS.maxCost + 1)}}`, /^Query Cost limit of 500 exceeded/],
      [
        `{ __type(name: "Query") { ${'fields { type { '.repeat(4)}name${' } }'.repeat(4)} } }`,
        /^Query depth limit of 6/,
      ],
    ];
    for (const [query, message] of cases) {
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const res = await post(server, query, accept);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].message).toMatch(message);
        expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
        // the same document again: yoga's parse/validation caches must not undo the mapping
        expect((await post(server, query, accept)).status).toBe(400);
      }
    }
  });
});
