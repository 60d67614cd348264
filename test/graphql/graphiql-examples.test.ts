import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_TABS } from '../../src/graphql/graphiql-examples.js';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

const operationsOf = (query: string) =>
  parse(query).definitions.flatMap((d) => (d.kind === 'OperationDefinition' && d.name ? [d.name.value] : []));

/** Every GraphiQL example tab, run as a user would with `npm start`'s emulator: no errors. */
describe('GraphiQL example tabs', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ emulator: { changeSetDurationMs: 60_000 } });
  });
  afterAll(() => stack.close());

  it('has a tab for every root field, including the new operations', () => {
    const fields = EXAMPLE_TABS.flatMap((t) => [...t.query.matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]));
    expect(new Set(fields)).toEqual(
      new Set([
        'createResourceSnapshot',
        'startChangeSet',
        'resourceSnapshot',
        'changeSet',
        'changeSets',
        'entity',
        'cancelChangeSet',
      ]),
    );
  });

  it.each(EXAMPLE_TABS.map((tab) => [operationsOf(tab.query).join(' + '), tab] as const))(
    '%s succeeds as it opens',
    async (_name, tab) => {
      let variables: Record<string, unknown> = tab.variables ? JSON.parse(tab.variables) : {};
      for (const operationName of operationsOf(tab.query)) {
        const res = await fetch(`${stack.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: tab.query, variables, operationName }),
        });
        const body = await res.json();
        expect(body.errors, `${operationName}: ${JSON.stringify(body.errors)}`).toBeUndefined();
        expect(Object.values(body.data).every((v) => v !== null)).toBe(true);
        // The cancel tab's second operation takes the id its first one returned, as the comment says.
        const started = body.data.startChangeSet?.changeSetId;
        if (started) variables = { ...variables, changeSetId: started };
      }
    },
  );

  it('the ChangeSet tab reads the seeded change set', async () => {
    const tab = EXAMPLE_TABS.find((t) => t.query.includes('query ChangeSet('));
    const res = await gql(stack.url, tab?.query ?? '', JSON.parse(tab?.variables ?? '{}'));
    expect(res.body.data?.changeSet).toMatchObject({
      changeSetId: 'examplesucceeded000000001',
      status: 'SUCCEEDED',
    });
  });
});
