import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { lambdaContext, v1Event, v2Event } from '../support/apigw-events.js';
import { bundleSizes } from '../support/bundle-size.js';
import type { ProxyResult } from '../support/lambda-http-bridge.js';
import { CREATE_SNAPSHOT, START_CHANGE_SET } from '../support/lambda-operations.js';
import { node22 } from '../support/node22.js';
import { packageWithoutAws, unpackZip } from '../support/packaged-lambda.js';

/**
 * The deployable zip from `npm run package` (built here with no AWS configuration), unpacked and
 * invoked in fresh processes under Node 20 (the build machine) and Node 22 (Lambda's nodejs22.x).
 */
const RUNNER = new URL('../support/invoke-packaged.mjs', import.meta.url).pathname;
const run = promisify(execFile);

interface RunOutput {
  node: string;
  results: Array<{ result: ProxyResult }>;
  stdout: string;
}

let emulator: RunningEmulator;
let bundleDir: string;
let zipFiles: string[];

async function invokePackaged(
  node: string,
  events: object[],
  env: Record<string, string> = {},
): Promise<RunOutput> {
  const work = mkdtempSync(join(tmpdir(), 'facade-invoke-'));
  const input = join(work, 'in.json');
  const output = join(work, 'out.json');
  writeFileSync(input, JSON.stringify(events.map((event) => ({ event, context: lambdaContext() }))));
  const { stdout } = await run(node, [RUNNER, join(bundleDir, 'src/lambda.mjs'), input, output], {
    env: {
      PATH: process.env.PATH ?? '',
      BACKEND: 'aws',
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIDPACKAGED',
      AWS_SECRET_ACCESS_KEY: 'packaged-secret',
      AWS_REGION: 'us-east-1',
      AUTH_MODE: 'none',
      AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      ...env,
    },
    timeout: 60_000,
  });
  return { ...JSON.parse(readFileSync(output, 'utf8')), stdout };
}

const post = (query: string) => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query }) });
const body = (r: { result: ProxyResult } | undefined) => JSON.parse(r?.result.body ?? 'null');

beforeAll(async () => {
  packageWithoutAws();
  ({ dir: bundleDir, files: zipFiles } = unpackZip());
  emulator = await startEmulator({ port: 0, changeSetDurationMs: 0 });
}, 180_000);
afterAll(() => emulator?.close());

describe('the zip', () => {
  it('holds the ESM bundle and its chunks, no source maps, no node_modules', () => {
    expect(zipFiles).toContain('src/lambda.mjs');
    expect(zipFiles.some((f) => f.endsWith('.map') || f.includes('node_modules'))).toBe(false);
  });

  it('keeps GraphiQL and the SDK credential providers off the start-up path', () => {
    const sizes = bundleSizes(join(bundleDir, 'src'), 'lambda.mjs');
    const graphiql = sizes.lazyFiles.filter((f) =>
      readFileSync(join(bundleDir, 'src', f), 'utf8').includes('graphiql'),
    );
    expect(graphiql.length).toBeGreaterThan(0);
    expect(sizes.startupBytes).toBeLessThan(sizes.totalBytes / 5);
  });
});

const runtimes: Array<[string, () => string | undefined]> = [
  ['Node 20', () => process.execPath],
  ['Node 22', node22],
];

describe.each(runtimes)('the packaged handler on %s', (_name, nodePath) => {
  let node: string;
  beforeAll(() => {
    const path = nodePath();
    if (!path || !existsSync(path)) throw new Error('no Node binary for this platform');
    node = path;
  }, 120_000);

  it('answers v2 and v1 events: mutations, GET query, 405, /health, 404', async () => {
    const getQuery = new URLSearchParams({ query: '{ __typename }' }).toString();
    const getMutation = new URLSearchParams({ query: CREATE_SNAPSHOT }).toString();
    const out = await invokePackaged(node, [
      v2Event(post(CREATE_SNAPSHOT)),
      v1Event({ ...post(START_CHANGE_SET), base64: true }),
      v2Event({ method: 'GET', path: '/graphql', query: getQuery }),
      v1Event({ method: 'GET', path: '/graphql', query: getMutation }),
      v2Event({ method: 'GET', path: '/health' }),
      v1Event({ method: 'GET', path: '/nope' }),
    ]);
    expect(out.node.startsWith(_name === 'Node 22' ? 'v22.' : 'v20.')).toBe(true);
    const [snapshot, changeSet, query, mutationByGet, health, missing] = out.results;
    expect(body(snapshot).data.createResourceSnapshot.arn).toMatch(/^arn:aws:partnercentral:/);
    expect(body(changeSet).data.startChangeSet.changeSetId).toEqual(expect.any(String));
    expect(body(query)).toEqual({ data: { __typename: 'Query' } });
    expect(mutationByGet?.result.statusCode).toBe(405);
    expect(body(health)).toEqual({ status: 'ok' });
    expect(missing?.result.statusCode).toBe(404);

    const logs = out.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l));
    expect(logs.find((l) => l.message === 'AWS call' && l.awsOperation === 'StartChangeSet')).toMatchObject({
      function_request_id: expect.any(String),
      apiGatewayRequestId: expect.any(String),
      awsRequestId: expect.any(String),
    });
    expect(logs.filter((l) => l.ColdStart === 1)).toHaveLength(1);
    expect(logs.some((l) => l.operation === 'createResourceSnapshot' && l.outcome === 'OK')).toBe(true);
  });

  it('serves GraphiQL from its lazy chunk when GRAPHIQL=true', async () => {
    const out = await invokePackaged(
      node,
      [v2Event({ method: 'GET', path: '/graphql', headers: { accept: 'text/html' } })],
      {
        GRAPHIQL: 'true',
        LOG_LEVEL: 'SILENT',
      },
    );
    const page = out.results[0]?.result;
    expect(page?.statusCode).toBe(200);
    expect(String(page?.headers?.['content-type'])).toContain('text/html');
    expect(page?.body).toContain('AWS Partner facade');
  });
});
