import { readFile } from 'node:fs/promises';
import { BUILT_IN_SEED, mergeSeeds, type ResolvedSeed, type SeedData } from './seed.js';

type Json = Record<string, unknown>;

class SeedProblem extends Error {}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function object(value: unknown, path: string, allowed: string[]): Json {
  if (!isObject(value)) throw new SeedProblem(`${path} must be an object`);
  const unknown = Object.keys(value).filter((k) => !allowed.includes(k));
  if (unknown.length > 0) throw new SeedProblem(`${path} has unknown key(s) ${unknown.join(', ')}`);
  return value;
}

function list(value: unknown, path: string, optional = true): unknown[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value)) throw new SeedProblem(`${path} must be an array`);
  return value;
}

function text(value: unknown, path: string, pattern?: RegExp, optional = false): void {
  if (value === undefined && optional) return;
  if (typeof value !== 'string' || value.length === 0)
    throw new SeedProblem(`${path} must be a non-empty string`);
  if (pattern !== undefined && !pattern.test(value))
    throw new SeedProblem(`${path} must match ${pattern.source}`);
}

function checkOpportunity(value: unknown, path: string): void {
  const o = object(value, path, ['id', 'opportunityType', 'origin', 'customer', 'project', 'lifecycle']);
  text(o.id, `${path}.id`, /^O[0-9]{1,19}$/);
  text(o.opportunityType, `${path}.opportunityType`, undefined, true);
  text(o.origin, `${path}.origin`, undefined, true);
  const customer = object(o.customer, `${path}.customer`, [
    'companyName',
    'industry',
    'websiteUrl',
    'countryCode',
    'city',
    'postalCode',
  ]);
  text(customer.companyName, `${path}.customer.companyName`);
  for (const key of ['industry', 'websiteUrl', 'countryCode', 'city', 'postalCode']) {
    text(customer[key], `${path}.customer.${key}`, undefined, true);
  }
  if (o.project !== undefined) {
    const project = object(o.project, `${path}.project`, [
      'customerUseCase',
      'deliveryModels',
      'expectedCustomerSpend',
    ]);
    text(project.customerUseCase, `${path}.project.customerUseCase`, undefined, true);
    list(project.deliveryModels, `${path}.project.deliveryModels`).forEach((m, i) => {
      text(m, `${path}.project.deliveryModels[${i}]`);
    });
    list(project.expectedCustomerSpend, `${path}.project.expectedCustomerSpend`).forEach((s, i) => {
      const p = `${path}.project.expectedCustomerSpend[${i}]`;
      const spend = object(s, p, ['amount', 'currencyCode', 'frequency', 'targetCompany']);
      for (const key of ['amount', 'currencyCode', 'frequency', 'targetCompany'])
        text(spend[key], `${p}.${key}`);
    });
  }
  if (o.lifecycle !== undefined) {
    const keys = ['stage', 'reviewStatus', 'targetCloseDate', 'nextSteps'];
    const lifecycle = object(o.lifecycle, `${path}.lifecycle`, keys);
    for (const key of keys) text(lifecycle[key], `${path}.lifecycle.${key}`, undefined, true);
  }
}

/** Checks the shape of seed data from an untrusted source; throws an Error naming the bad path. */
export function validateSeed(value: unknown, source: string): SeedData {
  try {
    const seed = object(value, 'seed', ['engagements', 'templates', 'entities']);
    list(seed.engagements, 'engagements').forEach((e, i) => {
      const engagement = object(e, `engagements[${i}]`, [
        'id',
        'catalogs',
        'targetMemberAccounts',
        'opportunities',
      ]);
      if (engagement.targetMemberAccounts !== undefined) {
        const accounts = list(engagement.targetMemberAccounts, `engagements[${i}].targetMemberAccounts`);
        if (accounts.length < 1 || accounts.length > 10) {
          throw new SeedProblem(`engagements[${i}].targetMemberAccounts must hold 1 to 10 account ids`);
        }
        accounts.forEach((a, j) => {
          text(a, `engagements[${i}].targetMemberAccounts[${j}]`, /^([0-9]{12}|\w{1,12})$/);
        });
      }
      text(engagement.id, `engagements[${i}].id`, /^eng-[0-9a-z]{14}$/);
      if (engagement.catalogs !== undefined) {
        list(engagement.catalogs, `engagements[${i}].catalogs`).forEach((c, j) => {
          text(c, `engagements[${i}].catalogs[${j}]`, /^(AWS|Sandbox)$/);
        });
      }
      list(engagement.opportunities, `engagements[${i}].opportunities`, false).forEach((o, j) => {
        checkOpportunity(o, `engagements[${i}].opportunities[${j}]`);
      });
    });
    list(seed.templates, 'templates').forEach((t, i) => {
      const template = object(t, `templates[${i}]`, ['name', 'view']);
      text(template.name, `templates[${i}].name`, /^[a-zA-Z0-9]{3,80}$/);
      text(template.view, `templates[${i}].view`, /^(OpportunitySummary|AwsOpportunitySummaryFullView)$/);
    });
    list(seed.entities, 'entities').forEach((e, i) => {
      const entity = object(e, `entities[${i}]`, ['type', 'identifier', 'details']);
      text(entity.type, `entities[${i}].type`, /^[a-zA-Z]+(@\d+\.\d+)?$/);
      text(entity.identifier, `entities[${i}].identifier`, /^[\w-]+$/);
      if (entity.details !== undefined && !isObject(entity.details)) {
        throw new SeedProblem(`entities[${i}].details must be an object`);
      }
    });
    return seed as SeedData;
  } catch (error) {
    if (error instanceof SeedProblem) throw new Error(`Invalid seed data in ${source}: ${error.message}`);
    throw error;
  }
}

export async function readSeedFile(path: string): Promise<SeedData> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`Cannot read seed file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateSeed(parsed, `seed file ${path}`);
}

/** Built-in seed, then the seedData option, then the seed file. */
export async function loadSeed(
  seedData: SeedData | undefined,
  seedFile: string | undefined,
): Promise<ResolvedSeed> {
  const fromOption = seedData === undefined ? undefined : validateSeed(seedData, 'the seedData option');
  const fromFile = seedFile === undefined ? undefined : await readSeedFile(seedFile);
  return mergeSeeds(BUILT_IN_SEED, fromOption, fromFile);
}
