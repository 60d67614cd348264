import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type * as Published from '../../schema/error-extensions.js';
import { type ErrorExtensions, errorExtensionsJsonSchema } from '../../src/errors/error-extensions.js';
import { gql } from '../support/graphql-client.js';
import { type Stack, startStack } from '../support/stack.js';

describe('the published type of the error extensions', () => {
  it('schema/error-extensions.schema.json is generated from the code (run `npm run schema:print`)', () => {
    const committed = readFileSync(
      new URL('../../schema/error-extensions.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(errorExtensionsJsonSchema());
  });

  it('schema/error-extensions.ts is the same type as the JSON Schema', () => {
    expectTypeOf<Published.ErrorExtensions>().toEqualTypeOf<ErrorExtensions>();
  });

  // Field errors of operations; request-level errors get retryable with engineer #11's §6.3 work.
  it("describes what the facade answers: an operation's errors fit it", async () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(errorExtensionsJsonSchema()));
    let stack: Stack | undefined;
    try {
      stack = await startStack();
      for (const query of [
        '{ changeSet(changeSetId: "bad id") { status } }',
        '{ changeSet(changeSetId: "no-such-change-set") { status } }',
        '{ changeSets(input: { nextToken: "forged" }) { nextToken } }',
      ]) {
        const res = await gql(stack.url, query);
        const extensions = res.body.errors?.[0]?.extensions;
        expect(validate(extensions), `${query}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    } finally {
      await stack?.close();
    }
  });
});
