import { writeFileSync } from 'node:fs';
import { errorExtensionsJsonSchema } from '../src/errors/error-extensions.js';
import { printSortedSchema } from '../src/schema/print.js';

// `npm run schema:print`: regenerates the committed artifacts (never read at run time).
writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printSortedSchema());
writeFileSync(
  new URL('../schema/error-extensions.schema.json', import.meta.url),
  errorExtensionsJsonSchema(),
);
console.log('wrote schema/schema.graphql, schema/error-extensions.schema.json');
