import { writeFileSync } from 'node:fs';
import { printSortedSchema } from '../src/schema/print.js';

// `npm run schema:print`: regenerates the committed SDL (never read at run time).
writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printSortedSchema());
console.log('wrote schema/schema.graphql');
