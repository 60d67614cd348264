import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { committedOpenApiDocument } from '../../src/rest/committed-openapi.js';

const lint = async (source: string) => {
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`);
};

describe("schema/openapi.json against Redocly's recommended rules", () => {
  it('has no problem, warnings included', async () => {
    expect(await lint(committedOpenApiDocument())).toEqual([]);
  });

  it('the linter does catch problems (a document without servers, license or operation ids)', async () => {
    const doc = JSON.parse(committedOpenApiDocument());
    delete doc.servers;
    delete doc.info.license;
    for (const item of Object.values<Record<string, { operationId?: string }>>(doc.paths)) {
      for (const operation of Object.values(item)) delete operation.operationId;
    }
    const problems = await lint(JSON.stringify(doc));
    expect(problems.some((p) => p.includes('no-empty-servers'))).toBe(true);
    expect(problems.some((p) => p.includes('operation-operationId'))).toBe(true);
  });
});
