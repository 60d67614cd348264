import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from '../src/emulator/index.js';
import { lambdaContext, v2Event } from '../test/support/apigw-events.js';
import { bundleSizes } from '../test/support/bundle-size.js';
import { CREATE_SNAPSHOT } from '../test/support/lambda-operations.js';
import { lambdaNodeMajor, nodeBinary } from '../test/support/node-major.js';
import { packageWithoutAws, unpackZip, ZIP_PATH } from '../test/support/packaged-lambda.js';
import { bundleSdkFloor } from './bench/sdk-floor-bundle.js';

/**
 * `npm run bench:coldstart`: the packaged Lambda bundle's cold start against its floor. Each sample
 * is a fresh process that imports a bundle (init, warm-up included) and answers one
 * createResourceSnapshot (an HTTP API v2 event) against the emulator started here. The floor is a
 * bundle of only the two SDK clients making that one call (scripts/bench/sdk-floor.ts, bundled as
 * the Lambda is); it and `node -e 0` run interleaved with the facade, on the Lambda runtime's Node
 * (serverless.yml's nodejsNN.x) unless --here, and the ratios of the medians are reported: cold start
 * (import + first mutation) over the floor's, with and without the init warm-up.
 * With --tracing, also with X-Ray tracing on (the tracer's lazy chunk loaded, one subsegment per AWS
 * call sent to a UDP socket on loopback standing in for the X-Ray daemon).
 *   --runs N (default 15)  --reuse (use the existing .serverless/api.zip)
 *   --here (on this process's Node instead of the runtime's)  --tracing
 */
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    reuse: { type: 'boolean', default: false },
    here: { type: 'boolean', default: false },
    tracing: { type: 'boolean', default: false },
  },
});
const runs = Math.max(3, Number(args.runs));
const RUNNER = new URL('../test/support/invoke-packaged.mjs', import.meta.url).pathname;

if (!args.reuse || !existsSync(ZIP_PATH)) {
  process.stdout.write('Packaging (npm run package)... ');
  packageWithoutAws();
  console.log('done');
}
const { dir } = unpackZip();
const entry = join(dir, 'src/lambda.mjs');
const sizes = bundleSizes(join(dir, 'src'), 'lambda.mjs');
const floor = await bundleSdkFloor();
const floorSizes = bundleSizes(floor.dir, 'sdk-floor.mjs');
const emulator = await startEmulator({ port: 0 });
const xray = createSocket('udp4');
await new Promise<void>((resolve) => xray.bind(0, '127.0.0.1', resolve));
const xrayPort = xray.address().port;
const work = mkdtempSync(join(tmpdir(), 'facade-bench-'));
const input = join(work, 'in.json');
writeFileSync(
  input,
  JSON.stringify([
    {
      event: v2Event({ method: 'POST', path: '/graphql', body: JSON.stringify({ query: CREATE_SNAPSHOT }) }),
      context: lambdaContext(),
    },
  ]),
);

interface Sample {
  wallMs: number;
  importMs?: number;
  firstResponseMs?: number;
  rssMB?: number;
}

function sample(node: string, argv: string[], env: Record<string, string> = {}): Promise<Sample> {
  const output = join(work, 'out.json');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(node, argv, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited with ${code}`));
      if (argv[0] !== RUNNER) return resolve({ wallMs });
      const out = JSON.parse(readFileSync(output, 'utf8'));
      const first = out.results[0];
      if (first?.result.statusCode !== 200 || !/"arn":"arn:/.test(first.result.body)) {
        return reject(new Error(`unexpected response: ${first?.result.body}`));
      }
      resolve({ wallMs, importMs: out.importMs, firstResponseMs: first.ms, rssMB: out.rssBytes / 2 ** 20 });
    });
  });
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function bench(node: string) {
  const lambdaEnv = (warmUp: boolean) => ({
    BACKEND: 'aws',
    AWS_ENDPOINT_URL: emulator.url,
    AWS_ACCESS_KEY_ID: 'AKIDBENCH',
    AWS_SECRET_ACCESS_KEY: 'bench-secret',
    AWS_REGION: 'us-east-1',
    AUTH_MODE: 'none',
    AUTH_ALLOW_NONE_ON_LAMBDA: 'true',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    WARM_UP: String(warmUp),
  });
  // What Lambda sets where tracing is active; the daemon is a UDP socket here that drops everything.
  const tracingEnv = () => ({
    ...lambdaEnv(true),
    AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${xrayPort}`,
    AWS_XRAY_CONTEXT_MISSING: 'IGNORE_ERROR',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    LAMBDA_TASK_ROOT: dir,
    _X_AMZN_TRACE_ID: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
  });
  const lambdaArgs = [RUNNER, entry, input, join(work, 'out.json')];
  const floorArgs = [RUNNER, floor.entry, input, join(work, 'out.json')];
  const base: Sample[] = [];
  const bare: Sample[] = [];
  const warm: Sample[] = [];
  const cold: Sample[] = [];
  const traced: Sample[] = [];
  await sample(node, lambdaArgs, lambdaEnv(true)); // one unmeasured run: file cache, emulator JIT
  await sample(node, floorArgs, lambdaEnv(true));
  for (let i = 0; i < runs; i++) {
    base.push(await sample(node, ['-e', '0']));
    bare.push(await sample(node, floorArgs, lambdaEnv(true)));
    warm.push(await sample(node, lambdaArgs, lambdaEnv(true)));
    cold.push(await sample(node, lambdaArgs, lambdaEnv(false)));
    if (args.tracing) traced.push(await sample(node, lambdaArgs, tracingEnv()));
  }
  const stats = (xs: Sample[]) => ({
    wallMs: median(xs.map((x) => x.wallMs)),
    importMs: median(xs.map((x) => x.importMs ?? 0)),
    firstResponseMs: median(xs.map((x) => x.firstResponseMs ?? 0)),
    rssMB: median(xs.map((x) => x.rssMB ?? 0)),
  });
  const baseMs = median(base.map((x) => x.wallMs));
  // Cold start as the issue counts it: import (init) + the first mutation, per process.
  const coldStartMs = (xs: Sample[]) => median(xs.map((x) => (x.importMs ?? 0) + (x.firstResponseMs ?? 0)));
  const floorStats = { ...stats(bare), coldStartMs: coldStartMs(bare) };
  const rated = (xs: Sample[]) => {
    const s = stats(xs);
    const c = coldStartMs(xs);
    return { ...s, ratio: s.wallMs / baseMs, coldStartMs: c, floorRatio: c / floorStats.coldStartMs };
  };
  return {
    node: (await import('node:child_process')).execFileSync(node, ['-v'], { encoding: 'utf8' }).trim(),
    baseMs,
    floor: { ...floorStats, ratio: floorStats.wallMs / baseMs },
    withWarmUp: rated(warm),
    withoutWarmUp: rated(cold),
    ...(args.tracing ? { withTracing: rated(traced) } : {}),
  };
}

const KB = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const runtimeNode = args.here ? undefined : nodeBinary(lambdaNodeMajor());
if (!args.here && !runtimeNode) console.log('No Node binary of the runtime for this platform: on this Node.');
const nodes = [runtimeNode ?? process.execPath];
console.log(
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(
  `Bundle: ${KB(sizes.totalBytes)} in all (${sizes.lazyFiles.length} lazy chunks); ` +
    `start-up path ${KB(sizes.startupBytes)} (${sizes.startupFiles.length} files); zip ${KB(readFileSync(ZIP_PATH).length)}`,
);
const results = [];
for (const node of nodes) {
  const r = await bench(node);
  results.push(r);
  console.log(`\n${r.node}, median of ${runs} interleaved runs; node -e 0: ${ms(r.baseMs)}`);
  console.log(
    `  SDK floor           : process ${ms(r.floor.wallMs)}; import+init ${ms(r.floor.importMs)}, first response ` +
      `${ms(r.floor.firstResponseMs)}; cold start ${ms(r.floor.coldStartMs)}; RSS ${r.floor.rssMB.toFixed(1)} MB`,
  );
  for (const [label, s] of [
    ['with init warm-up   ', r.withWarmUp],
    ['without init warm-up', r.withoutWarmUp],
    ...(r.withTracing ? [['with X-Ray tracing  ', r.withTracing] as const] : []),
  ] as const) {
    console.log(
      `  ${label}: process ${ms(s.wallMs)} = ${s.ratio.toFixed(2)}× node -e 0; import+init ${ms(s.importMs)}, ` +
        `first response ${ms(s.firstResponseMs)}; cold start ${ms(s.coldStartMs)} = ` +
        `${s.floorRatio.toFixed(2)}× the SDK floor; RSS after it ${s.rssMB.toFixed(1)} MB`,
    );
  }
}
console.log(
  `\n${JSON.stringify({ sizes: { totalBytes: sizes.totalBytes, startupBytes: sizes.startupBytes, floorStartupBytes: floorSizes.startupBytes }, results })}`,
);
xray.close();
await emulator.close();
