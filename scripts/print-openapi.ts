import { writeFileSync } from 'node:fs';
import { committedOpenApiDocument } from '../src/rest/committed-openapi.js';

// `npm run openapi:print`: regenerates schema/openapi.json (the document as deployed: AUTH_MODE=jwt).
writeFileSync(new URL('../schema/openapi.json', import.meta.url), committedOpenApiDocument());
console.log('wrote schema/openapi.json');
