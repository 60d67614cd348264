import { execFile, spawnSync } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS } from '../../src/http/cors-headers.js';
import { startTestIssuer, type TestIssuer } from '../security/jwt-issuer.js';
import { lambdaContext, v1Event, v2Event } from '../support/apigw-events.js';
import { bundleSizes } from '../support/bundle-size.js';
import { type GatewayTemplate, readGatewayTemplate } from '../support/gateway-template.js';
import { jwtAuthorizer } from '../support/jwt-authorizer.js';
import {
  GATEWAY_LIMITS,
  type LambdaBridge,
  type ProxyResult,
  startLambdaBridge,
} from '../support/lambda-http-bridge.js';
import { CREATE_SNAPSHOT, START_CHANGE_SET } from '../support/lambda-operations.js';
import { lambdaNodeMajor, nodeBinary } from '../support/node-major.js';
import { snapshotInput } from '../support/operations.js';
import { packageWithoutAws, unpackZip } from '../support/packaged-lambda.js';
import { type PackagedSandbox, startPackagedSandbox } from '../support/packaged-sandbox.js';
import { type RecordingProxy, signedRegion, startRecordingProxy } from '../support/recording-proxy.js';

/**
 * The deployable zip and CloudFormation template from `npm run package` with deploy parameters
 * (built here with no AWS configuration). The zip is unpacked and run in fresh processes under
 * Node 20 (the build machine) and the Lambda runtime's Node major (serverless.yml), and behind the
 * Lambda-faithful gateway (test/support/lambda-http-bridge.ts) configured from the template.
 */
const RUNNER = new URL('../support/invoke-packaged.mjs', import.meta.url).pathname;
const run = promisify(execFile);
const RUNTIME_MAJOR = lambdaNodeMajor();
const ALLOWED_ORIGINS = ['https://app.example.com', 'https://admin.example.com'];

/**
 * Every route and its authorizer (null: open). One table, to extend when routes are added to
 * serverless.yml; the template must declare exactly these.
 */
const EXPECTED_ROUTES: Record<string, string | null> = {
  'GET /health': null,
  'GET /graphiql': null,
  'GET /graphiql/assets/{version}/{name}': null,
  'POST /graphql': 'jwt',
  'GET /graphql': 'jwt',
  'POST /rest/resource-snapshots': 'jwt',
  'GET /rest/resource-snapshots': 'jwt',
  'POST /rest/change-sets': 'jwt',
  'GET /rest/change-sets/{changeSetId}': 'jwt',
  'GET /rest/change-sets': 'jwt',
  'POST /rest/change-sets/{changeSetId}/cancel': 'jwt',
  'GET /rest/entities/{entityId}': 'jwt',
  'GET /rest/openapi.json': 'jwt',
};

/**
 * The AWS actions the function's role allows beyond the framework's own (its log group; X-Ray):
 * exactly the operations the code calls. One table, to extend with each new operation; a test
 * below also checks it against the SDK commands src/aws/ sends.
 */
const EXPECTED_SERVICE_ACTIONS = [
  'partnercentral:CreateResourceSnapshot',
  'partnercentral:GetResourceSnapshot',
  'aws-marketplace:StartChangeSet',
  'aws-marketplace:DescribeChangeSet',
  'aws-marketplace:CancelChangeSet',
  'aws-marketplace:ListChangeSets',
  'aws-marketplace:DescribeEntity',
];
const FRAMEWORK_ACTIONS = [
  'logs:CreateLogStream',
  'logs:CreateLogGroup',
  'logs:TagResource',
  'logs:PutLogEvents',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];

interface RunOutput {
  node: string;
  results: Array<{ result: ProxyResult }>;
  stdout: string;
}

let emulator: RunningEmulator;
let issuer: TestIssuer;
let bundleDir: string;
let zipFiles: string[];
let template: GatewayTemplate;

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
const jsonLines = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));

beforeAll(async () => {
  issuer = await startTestIssuer();
  packageWithoutAws({
    jwtIssuer: issuer.issuer,
    jwtAudience: issuer.audience,
    corsOrigins: ALLOWED_ORIGINS.join(','),
    throttleRate: '7',
    throttleBurst: '9',
    graphiql: 'true',
  });
  ({ dir: bundleDir, files: zipFiles } = unpackZip());
  template = readGatewayTemplate();
  emulator = await startEmulator({ port: 0, changeSetDurationMs: 0 });
}, 180_000);
afterAll(async () => {
  await emulator?.close();
  await issuer?.close();
});

describe('the zip', () => {
  it('holds the ESM bundle and its chunks, no source maps, no node_modules', () => {
    expect(zipFiles).toContain('src/lambda.mjs');
    expect(zipFiles.some((f) => f.endsWith('.map') || f.includes('node_modules'))).toBe(false);
  });

  it('keeps GraphiQL, the X-Ray tracer and the SDK credential providers off the start-up path', () => {
    const sizes = bundleSizes(join(bundleDir, 'src'), 'lambda.mjs');
    const lazyWith = (text: string) =>
      sizes.lazyFiles.filter((f) => readFileSync(join(bundleDir, 'src', f), 'utf8').includes(text));
    expect(lazyWith('renderYogaGraphiQL').length).toBeGreaterThan(0);
    expect(lazyWith('captureAWSv3Client').length).toBeGreaterThan(0);
    const startup = sizes.startupFiles.map((f) => readFileSync(join(bundleDir, 'src', f), 'utf8')).join('');
    expect(startup.includes('captureAWSv3Client')).toBe(false);
    expect(sizes.startupBytes).toBeLessThan(sizes.totalBytes / 5);
  });

  it('keeps the general case (hono, its middleware, the REST routes) off the start-up path', () => {
    const sizes = bundleSizes(join(bundleDir, 'src'), 'lambda.mjs');
    const text = (f: string) => readFileSync(join(bundleDir, 'src', f), 'utf8');
    const startup = sizes.startupFiles.map(text).join('');
    const lazy = sizes.lazyFiles.map(text).join('');
    // hono's core, the bearer-token middleware and the app's REST 404: only the general case has them.
    for (const marker of ['Context is not finalized', 'Bearer error=', 'No such route.']) {
      expect(startup.includes(marker), marker).toBe(false);
      expect(lazy.includes(marker), marker).toBe(true);
    }
    // What the fast lane needs is there: yoga and the GraphQL pipeline's gate.
    expect(startup).toContain('application/graphql-response+json');
  });
});

describe('the CloudFormation template', () => {
  it('declares exactly the expected routes, each with its authorizer', () => {
    const routes = Object.fromEntries(template.routes.map((r) => [`${r.method} ${r.path}`, r.authorizer]));
    expect(routes).toEqual(EXPECTED_ROUTES);
    expect(template.authorizers.jwt).toEqual({
      type: 'JWT',
      issuer: issuer.issuer,
      audience: [issuer.audience],
      identitySource: ['$request.header.Authorization'],
    });
  });

  it('configures CORS with exactly the corsOrigins, no wildcard, no credentials, as CORS_ORIGINS', () => {
    expect(template.cors).toMatchObject({
      AllowOrigins: ALLOWED_ORIGINS,
      AllowMethods: ['GET', 'POST'],
      AllowCredentials: false,
    });
    // The gateway answers preflights: its lists must be the app's, or a header the app reads
    // (Idempotency-Key) or a page must read (Location) is refused in the browser only when deployed.
    expect(template.cors?.AllowHeaders).toEqual(CORS_ALLOW_HEADERS);
    expect(template.cors?.ExposeHeaders).toEqual(CORS_EXPOSE_HEADERS);
    expect(JSON.stringify(template.cors)).not.toContain('*');
    expect(template.function.environment.CORS_ORIGINS?.split(',')).toEqual(template.cors?.AllowOrigins);
  });

  it('throttles the stage default route with the parameters', () => {
    expect(template.throttling).toEqual({ rateLimit: 7, burstLimit: 9 });
  });

  it('runs on the chosen runtime with X-Ray active, 28 s timeout and the deploy environment', () => {
    expect(template.function).toMatchObject({
      runtime: `nodejs${RUNTIME_MAJOR}.x`,
      timeout: 28,
      tracing: 'Active',
    });
    expect(template.function.environment).toEqual({
      BACKEND: 'aws',
      NODE_ENV: 'production',
      GRAPHIQL: 'true',
      CORS_ORIGINS: ALLOWED_ORIGINS.join(','),
      UPSTREAM_REGION: 'us-east-1',
      STAGE: 'package',
      POWERTOOLS_SERVICE_NAME: 'aws-partner-facade',
      POWERTOOLS_METRICS_NAMESPACE: 'AwsPartnerFacade',
    });
  });

  it('allows exactly the AWS actions the code calls, besides the framework’s logs and X-Ray', () => {
    const service = template.iamActions.filter((a) => !FRAMEWORK_ACTIONS.includes(a));
    expect(service.sort()).toEqual([...EXPECTED_SERVICE_ACTIONS].sort());
    expect(template.iamActions).toEqual(expect.arrayContaining(['xray:PutTraceSegments']));
    expect(template.iamActions.some((a) => a.includes('*'))).toBe(false);
  });

  it('the expected actions are the SDK commands the operations (src/operations/, src/aws/) send', () => {
    const prefixes: Record<string, string> = {
      '@aws-sdk/client-partnercentral-selling': 'partnercentral',
      '@aws-sdk/client-marketplace-catalog': 'aws-marketplace',
    };
    const sent = new Set<string>();
    const files = ['src/operations', 'src/aws'].flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    );
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, names, pkg] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
        const prefix = prefixes[pkg as string];
        if (!prefix) continue;
        for (const [, command] of (names as string).matchAll(/\b(\w+)Command\b/g)) {
          if (source.includes(`new ${command}Command(`)) sent.add(`${prefix}:${command}`);
        }
      }
    }
    expect([...sent].sort()).toEqual([...EXPECTED_SERVICE_ACTIONS].sort());
  });

  const cfnLint = ['cfn-lint', '/root/.pyenv/shims/cfn-lint'].find(
    (bin) => spawnSync(bin, ['--version'], { stdio: 'ignore' }).status === 0,
  );
  it.skipIf(!cfnLint)(
    'passes cfn-lint with no error (warnings are fine)',
    () => {
      const lint = spawnSync(cfnLint as string, ['.serverless/cloudformation-template-update-stack.json'], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      const errors = lint.stdout.split('\n').filter((l) => /^E\d{4}/.test(l));
      expect(errors).toEqual([]);
      // cfn-lint's exit code is a bit field: 2 = errors, 4 = warnings, 8 = informational.
      expect((lint.status ?? 2) & 2).toBe(0);
    },
    120_000,
  );
});

const runtimes: Array<[string, () => string | undefined]> = [
  ['Node 20', () => process.execPath],
  [`Node ${RUNTIME_MAJOR}`, () => nodeBinary(RUNTIME_MAJOR)],
];

describe.each(runtimes)('the packaged handler on %s', (name, nodePath) => {
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
    expect(out.node.startsWith(name === 'Node 20' ? 'v20.' : `v${RUNTIME_MAJOR}.`)).toBe(true);
    const [snapshot, changeSet, query, mutationByGet, health, missing] = out.results;
    expect(body(snapshot).data.createResourceSnapshot.arn).toMatch(/^arn:aws:partnercentral:/);
    expect(body(changeSet).data.startChangeSet.changeSetId).toEqual(expect.any(String));
    expect(body(query)).toEqual({ data: { __typename: 'Query' } });
    expect(mutationByGet?.result.statusCode).toBe(405);
    expect(body(health)).toEqual({ status: 'ok' });
    expect(missing?.result.statusCode).toBe(404);

    const logs = jsonLines(out.stdout);
    expect(logs.find((l) => l.message === 'AWS call' && l.awsOperation === 'StartChangeSet')).toMatchObject({
      function_request_id: expect.any(String),
      apiGatewayRequestId: expect.any(String),
      awsRequestId: expect.any(String),
    });
    expect(logs.filter((l) => l.ColdStart === 1)).toHaveLength(1);
    expect(logs.some((l) => l.operation === 'createResourceSnapshot' && l.outcome === 'OK')).toBe(true);
  });

  it('a cold start publishes no phantom metric: the first real invocation is the cold start', async () => {
    const context = lambdaContext();
    const out = await invokePackaged(node, [v2Event(post(CREATE_SNAPSHOT))], { STAGE: 'prod' });
    const logs = jsonLines(out.stdout);
    const emf = logs.filter((l) => l._aws);
    // One invocation with one operation: one Operations line and one ColdStart, nothing from init.
    expect(emf.filter((l) => 'Operations' in l)).toEqual([
      expect.objectContaining({
        operation: 'createResourceSnapshot',
        outcome: 'OK',
        Operations: 1,
        stage: 'prod',
      }),
    ]);
    expect(emf.filter((l) => 'ColdStart' in l)).toEqual([
      expect.objectContaining({ ColdStart: 1, function_name: context.functionName, stage: 'prod' }),
    ]);
    const call = logs.find((l) => l.message === 'AWS call');
    expect(call).toMatchObject({ cold_start: true, function_name: context.functionName });
  });

  it('signs its AWS calls for us-east-1 when the function runs in eu-west-1', async () => {
    const proxy = await startRecordingProxy(emulator.url);
    try {
      const out = await invokePackaged(
        node,
        [v2Event(post(CREATE_SNAPSHOT)), v2Event(post(START_CHANGE_SET))],
        {
          AWS_REGION: 'eu-west-1',
          AWS_ENDPOINT_URL: proxy.url,
        },
      );
      expect(body(out.results[0]).data.createResourceSnapshot.arn).toEqual(expect.any(String));
      expect(body(out.results[1]).data.startChangeSet.changeSetId).toEqual(expect.any(String));
      expect(proxy.authorizations.length).toBe(2);
      expect(proxy.authorizations.map(signedRegion)).toEqual(['us-east-1', 'us-east-1']);
    } finally {
      await proxy.close();
    }
  });

  it('serves the GraphiQL page from /graphiql when GRAPHIQL=true', async () => {
    const out = await invokePackaged(
      node,
      [v2Event({ method: 'GET', path: '/graphiql', headers: { accept: 'text/html' } })],
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

describe(`through the Lambda-faithful gateway, on Node ${RUNTIME_MAJOR}`, () => {
  let sandbox: PackagedSandbox;
  let bridge: LambdaBridge;
  let proxy: RecordingProxy;

  beforeAll(async () => {
    const node = nodeBinary(RUNTIME_MAJOR);
    if (!node) throw new Error('no Node binary for this platform');
    proxy = await startRecordingProxy(emulator.url);
    sandbox = await startPackagedSandbox(node, join(bundleDir, 'src/lambda.mjs'), {
      // The function's environment as the template declares it, the SDK pointed at the emulator.
      ...template.function.environment,
      AWS_ENDPOINT_URL: proxy.url,
      AWS_ACCESS_KEY_ID: 'AKIDGATEWAY',
      AWS_SECRET_ACCESS_KEY: 'gateway-secret',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    });
    const jwt = template.authorizers.jwt;
    const verify = jwtAuthorizer({
      issuer: jwt?.issuer ?? '',
      audience: jwt?.audience ?? [],
      jwksUrl: issuer.jwksUrl,
    });
    bridge = await startLambdaBridge({
      handler: sandbox.handler,
      gateway: {
        routes: template.routes,
        cors: template.cors,
        authorize: async (_name, token) => (token ? verify(token) : undefined),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await bridge?.close();
    await sandbox?.close();
    await proxy?.close();
  });

  it('serves GraphiQL at /graphiql with no token, every response under 6 MB', async () => {
    const page = await fetch(`${bridge.url}/graphiql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).toContain('"endpoint":"/graphql"');
    const assets = [...html.matchAll(/"(graphiql\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBe(6);
    let script = '';
    for (const asset of assets) {
      const res = await fetch(`${bridge.url}/${asset}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, asset).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
      expect(Number(res.headers.get('content-length'))).toBeLessThan(GATEWAY_LIMITS.payloadBytes);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (asset.endsWith('/graphiql.js')) script = bytes.toString('utf8');
    }
    expect(script).toContain('renderYogaGraphiQL');
    // yoga's own page inlines all of it: 9 MB, which Lambda refuses (API Gateway answers 500).
    expect(Buffer.byteLength(script)).toBeGreaterThan(4 * 1024 * 1024);
  });

  it('GraphiQL asks its token of the user: the page is open, /graphql is not', async () => {
    const res = await fetch(`${bridge.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Unauthorized' });
  });

  it('a gzip asset is the identity bytes compressed', async () => {
    const res = await fetch(`${bridge.url}/graphiql`);
    const css = /href="(graphiql\/assets\/[^"]+\.css)"/.exec(await res.text())?.[1];
    const { request } = await import('node:http');
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      request(`${bridge.url}/${css}`, { headers: { 'accept-encoding': 'gzip' } }, (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (c) => chunks.push(c));
        r.on('end', () => resolve({ encoding: r.headers['content-encoding'], body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString('utf8')).toContain('.graphiql-container');
  });

  it('answers a preflight from an allowed origin with the template’s CORS, and not another origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${bridge.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('https://app.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a page send Idempotency-Key to a REST POST and read the Location of its 201', async () => {
    const origin = 'https://app.example.com';
    const preflight = await fetch(`${bridge.url}/rest/resource-snapshots`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
    );
    const created = await fetch(`${bridge.url}/rest/resource-snapshots`, {
      method: 'POST',
      headers: {
        origin,
        'content-type': 'application/json',
        'idempotency-key': 'packaged-cors-location',
        authorization: `Bearer ${await issuer.token()}`,
      },
      body: JSON.stringify(snapshotInput()),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBeTruthy();
    expect(created.headers.get('access-control-allow-origin')).toBe(origin);
    expect(created.headers.get('access-control-expose-headers')?.split(',')).toContain('location');
  });

  it('authorizes per route: 401 from the gateway without a valid token, the answer with one', async () => {
    const query = JSON.stringify({ query: CREATE_SNAPSHOT });
    const headers = { 'content-type': 'application/json', origin: 'https://app.example.com' };
    const none = await fetch(`${bridge.url}/graphql`, { method: 'POST', headers, body: query });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ message: 'Unauthorized' });
    const forged = await issuer.token({ forged: true });
    const refused = await fetch(`${bridge.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${forged}` },
      body: query,
    });
    expect(refused.status).toBe(401);

    const token = await issuer.token();
    const ok = await fetch(`${bridge.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${token}` },
      body: query,
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-request-id');
    expect(
      ((await ok.json()) as { data: { createResourceSnapshot: { arn: string } } }).data.createResourceSnapshot
        .arn,
    ).toMatch(/^arn:aws:partnercentral:/);
    // The function runs in eu-west-1 and still signs for us-east-1.
    expect(proxy.authorizations.map(signedRegion)).toContain('us-east-1');
    expect(proxy.authorizations.map(signedRegion).filter((r) => r !== 'us-east-1')).toEqual([]);

    // The app's scope check still applies behind the gateway's authorizer.
    const readOnly = await issuer.token({ scope: 'partnercentral/snapshots.read' });
    const forbidden = await fetch(`${bridge.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, authorization: `Bearer ${readOnly}` },
      body: query,
    });
    const denied = (await forbidden.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(denied.errors[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('gives each request its own request id, and /health needs no token', async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${bridge.url}/health`);
      expect(res.status).toBe(200);
      ids.add(res.headers.get('x-request-id'));
    }
    expect(ids.size).toBe(3);
    expect(ids.has(null)).toBe(false);
  });

  it('enforces the 6 MB payload and the header size limits, and answers no route with 404', async () => {
    const big = await fetch(`${bridge.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.token()}` },
      body: 'x'.repeat(GATEWAY_LIMITS.payloadBytes + 1),
    });
    expect(big.status).toBe(413);
    const headers = await fetch(`${bridge.url}/health`, { headers: { 'x-padding': 'x'.repeat(11_000) } });
    expect(headers.status).toBe(431);
    const missing = await fetch(`${bridge.url}/rest/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ message: 'Not Found' });
  });
});

describe(`X-Ray tracing in the packaged handler, on Node ${RUNTIME_MAJOR}`, () => {
  let daemon: Socket;
  const documents: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    daemon = createSocket('udp4');
    // The daemon protocol: a JSON header line, then the segment document.
    daemon.on('message', (message) => {
      const [, doc] = message.toString('utf8').split('\n');
      if (doc) documents.push(JSON.parse(doc));
    });
    await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  });
  afterAll(() => daemon?.close());

  it('sends one subsegment per AWS call, none for the warm-up', async () => {
    const node = nodeBinary(RUNTIME_MAJOR) as string;
    const sandbox = await startPackagedSandbox(node, join(bundleDir, 'src/lambda.mjs'), {
      BACKEND: 'aws',
      AUTH_MODE: 'none',
      AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
      AWS_ENDPOINT_URL: emulator.url,
      AWS_ACCESS_KEY_ID: 'AKIDTRACE',
      AWS_SECRET_ACCESS_KEY: 'trace-secret',
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
      AWS_EXECUTION_ENV: `AWS_Lambda_nodejs${RUNTIME_MAJOR}.x`,
      LAMBDA_TASK_ROOT: bundleDir,
      AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemon.address().port}`,
      LOG_LEVEL: 'SILENT',
    });
    try {
      // The init (and its warm-up) ran with no trace, as on Lambda: no X-Ray error was logged.
      expect(sandbox.stderr()).not.toContain('Missing AWS Lambda trace data');
      const root = '1-5759e988-bd862e3fe1be46a994272793';
      const trace = `Root=${root};Parent=53995c3f42cd8ad8;Sampled=1`;
      const one = await sandbox.invokeTraced(v2Event(post(CREATE_SNAPSHOT)), lambdaContext(), trace);
      const two = await sandbox.invokeTraced(v2Event(post(START_CHANGE_SET)), lambdaContext(), trace);
      expect(one.statusCode).toBe(200);
      expect(two.statusCode).toBe(200);
      await expect.poll(() => documents.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
      const calls = documents.map((d) => ({
        trace: d.trace_id,
        name: d.name,
        operation: (d.aws as { operation?: string } | undefined)?.operation,
        region: (d.aws as { region?: string } | undefined)?.region,
      }));
      expect(calls).toEqual([
        {
          trace: root,
          name: 'PartnerCentralSelling',
          operation: 'CreateResourceSnapshot',
          region: 'us-east-1',
        },
        { trace: root, name: 'MarketplaceCatalog', operation: 'StartChangeSet', region: 'us-east-1' },
      ]);
    } finally {
      await sandbox.close();
    }
  });
});
