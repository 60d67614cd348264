import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator for a typed client of this API: the committed SDL in, typed documents
 * out (`npx graphql-codegen`). Scalars: DateTime is an RFC 3339 string both ways (the API passes
 * AWS's text through, with its precision, so keep it a string rather than a Date); JSON is any JSON.
 * test/codegen/typed-client.test.ts generates this and runs examples/typed-client against `npm start`.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['examples/typed-client/operations.ts'],
  ignoreNoDocuments: false,
  generates: {
    'examples/typed-client/generated/': {
      preset: 'client',
      config: {
        strictScalars: true,
        scalars: {
          DateTime: { input: 'string', output: 'string' },
          JSON: { input: 'unknown', output: 'unknown' },
        },
        enumsAsTypes: true,
        useTypeImports: true,
        // NodeNext ESM: relative imports with their .js extension.
        emitLegacyCommonJSImports: false,
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
