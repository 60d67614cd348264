import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

describe('introspection and GraphiQL follow the configuration', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { INTROSPECTION: 'false', GRAPHIQL: 'false' } });
  });
  afterAll(() => stack.close());

  it('INTROSPECTION=false: __schema and __type are 400 GRAPHQL_VALIDATION_FAILED; __typename still works', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Query") { name } }']) {
      const res = await gql(stack.url, query);
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.body.data).toBeUndefined();
    }
    expect((await gql(stack.url, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
  });

  it('and field suggestions do not spell the schema out', async () => {
    const res = await gql(stack.url, '{ changeSe(changeSetId: "x") { status } }');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean|changeSet/);
  });

  it('GRAPHIQL=false: a browser gets no GraphiQL page', async () => {
    const res = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(res.status).toBe(406);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('the defaults locally: introspection on, GraphiQL served', async () => {
    const local = await startStack();
    try {
      expect((await gql(local.url, '{ __schema { queryType { name } } }')).status).toBe(200);
      const page = await fetch(`${local.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      await local.close();
    }
  });
});
