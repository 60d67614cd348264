import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedOpenApiDocument } from '../../src/rest/committed-openapi.js';

describe('schema/openapi.json', () => {
  it('is the document the code generates (run `npm run openapi:print` after a REST change)', () => {
    const committed = readFileSync(new URL('../../schema/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(committedOpenApiDocument());
  });

  it('has servers, tags, and the Bearer JWT scheme on every route', () => {
    const doc = JSON.parse(committedOpenApiDocument());
    expect(doc.servers).toHaveLength(1);
    expect(doc.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
    for (const [path, item] of Object.entries<Record<string, { security: unknown; tags: string[] }>>(
      doc.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        expect(operation.security, `${method} ${path}`).toEqual([{ bearer: [expect.any(String)] }]);
        expect(operation.tags).toHaveLength(1);
      }
    }
    expect(JSON.stringify(doc)).toContain('"enum":["AWSMarketplace"]');
  });
});
