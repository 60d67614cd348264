import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { createDirectPath } from './bench/direct-path.js';
import { startEmulatorProcess } from './bench/emulator-process.js';
import { graphqlBody, type Mutation } from './bench/inputs.js';
import { createLambdaPath } from './bench/lambda-path.js';
import { processCpuSeconds, startServerProcess } from './bench/server-path.js';
import { median, round, summarize } from './bench/stats.js';

/**
 * `npm run bench`: what the facade adds on top of the AWS call, against the emulator on loopback.
 * Paths, interleaved in one run after a warm-up: the SDK called directly (baseline), the Lambda
 * handler in process (API Gateway v2 events), and the local server over HTTP at fixed concurrency.
 * The Lambda path runs as deployed: logs at INFO and EMF metrics on, one metrics line per
 * invocation on stdout, which `npm run bench` sends to /dev/null (CloudWatch's pipe on Lambda); the
 * figures go to stderr and bench-results/bench.json. Not part of `npm test`.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const HTTP_REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 6000);
const SOAK = Number(process.env.BENCH_SOAK_REQUESTS ?? 100_000);
const MUTATIONS: Mutation[] = ['createResourceSnapshot', 'startChangeSet'];
/** Another build's src/lambda.ts (e.g. an export of main), measured interleaved as a third path. */
const COMPARE = process.env.BENCH_COMPARE_HANDLER;

type Call = (m: Mutation) => Promise<unknown>;

async function timed(call: Call, mutation: Mutation, n: number, samples: number[]): Promise<number> {
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    await call(mutation);
    samples.push(Number(process.hrtime.bigint() - t) / 1000);
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / n;
}

async function concurrentCallsPerSecond(call: Call, mutation: Mutation, total: number): Promise<number> {
  let left = total;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (left-- > 0) await call(mutation);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

function gc() {
  (globalThis as { gc?: () => void }).gc?.();
}

async function main() {
  const emulator = await startEmulatorProcess();
  const direct = createDirectPath(emulator.url);
  const lambda = await createLambdaPath(emulator.url);
  const other = COMPARE ? await createLambdaPath(emulator.url, COMPARE) : undefined;
  const paths: Record<'direct' | 'lambda', Call> = {
    direct: (m) => direct.call(m),
    lambda: (m) => lambda.call(m),
  };
  const compared: Call | undefined = other && ((m) => other.call(m));
  const results: Record<string, unknown> = {};

  console.error(
    `machine: ${cpus().length} x ${cpus()[0]?.model}, ${round(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}`,
  );
  for (const m of MUTATIONS)
    for (const p of [...Object.values(paths), ...(compared ? [compared] : [])])
      await timed(p, m, WARM_UP, []);

  // 1 and 2: latency and CPU per request, interleaved rounds so drift hits both paths alike.
  for (const m of MUTATIONS) {
    const samples = { direct: [] as number[], lambda: [] as number[], compared: [] as number[] };
    const cpu = { direct: [] as number[], lambda: [] as number[], compared: [] as number[] };
    const all = { ...paths, ...(compared ? { compared } : {}) } as Record<keyof typeof samples, Call>;
    const names = Object.keys(all) as (keyof typeof samples)[];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? names : [...names].reverse();
      for (const name of order) cpu[name].push(await timed(all[name], m, PER_ROUND, samples[name]));
    }
    const d = summarize(samples.direct);
    const l = summarize(samples.lambda);
    results[m] = {
      direct: { p50Us: round(d.p50), p99Us: round(d.p99), cpuUsPerRequest: round(median(cpu.direct)) },
      lambda: { p50Us: round(l.p50), p99Us: round(l.p99), cpuUsPerRequest: round(median(cpu.lambda)) },
      p50Ratio: round(l.p50 / d.p50, 3),
      addedP50Us: round(l.p50 - d.p50),
      addedCpuUsPerRequest: round(median(cpu.lambda) - median(cpu.direct)),
      ...(compared
        ? {
            compared: {
              handler: COMPARE,
              p50Us: round(summarize(samples.compared).p50),
              p50Ratio: round(summarize(samples.compared).p50 / d.p50, 3),
              addedCpuUsPerRequest: round(median(cpu.compared) - median(cpu.direct)),
            },
          }
        : {}),
    };
  }

  // 3: the local server over HTTP at fixed concurrency, against direct SDK calls at the same concurrency.
  const server = await startServerProcess(emulator.url);
  for (const m of MUTATIONS) {
    const directRps = await concurrentCallsPerSecond(paths.direct, m, HTTP_REQUESTS);
    const cpuBefore = processCpuSeconds(server.child.pid as number);
    const result = await autocannon({
      url: `${server.url}/graphql`,
      connections: CONCURRENCY,
      amount: HTTP_REQUESTS,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          setupRequest: (req) => ({ ...req, body: graphqlBody(m) }),
        },
      ],
    });
    const serverCpu = processCpuSeconds(server.child.pid as number) - cpuBefore;
    const rps = result.requests.total / (result.duration || 1);
    (results[m] as Record<string, unknown>).http = {
      requestsPerSecond: round(rps),
      directCallsPerSecond: round(directRps),
      throughputRatio: round(rps / directRps, 3),
      requestsPerCpuSecond: round(result.requests.total / serverCpu),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
    };
  }
  server.stop();

  // Memory over many requests through the Lambda path: heap after GC at the start and the end.
  gc();
  const rssStart = process.memoryUsage().rss;
  const heapStart = process.memoryUsage().heapUsed;
  const checkpoints: number[] = [];
  for (let i = 0; i < SOAK; i++) {
    await paths.lambda(MUTATIONS[i % 2] as Mutation);
    if ((i + 1) % Math.max(1, Math.floor(SOAK / 5)) === 0) {
      gc();
      checkpoints.push(round(process.memoryUsage().heapUsed / 2 ** 20, 1));
    }
  }
  gc();
  results.memory = {
    requests: SOAK,
    heapStartMiB: round(heapStart / 2 ** 20, 1),
    heapCheckpointsMiB: checkpoints,
    heapEndMiB: round(process.memoryUsage().heapUsed / 2 ** 20, 1),
    rssStartMiB: round(rssStart / 2 ** 20, 1),
    rssEndMiB: round(process.memoryUsage().rss / 2 ** 20, 1),
  };

  direct.close();
  emulator.stop();
  results.machine = { cpus: cpus().length, model: cpus()[0]?.model, node: process.version };
  results.settings = { ROUNDS, PER_ROUND, WARM_UP, CONCURRENCY, HTTP_REQUESTS, SOAK };
  console.error(JSON.stringify(results, null, 2));
  console.error('\nmutation               direct p50   lambda p50   ratio   added CPU/request');
  for (const m of MUTATIONS) {
    const r = results[m] as {
      direct: { p50Us: number };
      lambda: { p50Us: number };
      p50Ratio: number;
      addedCpuUsPerRequest: number;
      compared?: { p50Us: number; p50Ratio: number; addedCpuUsPerRequest: number };
    };
    console.error(
      `${m.padEnd(22)} ${`${r.direct.p50Us} µs`.padStart(10)}   ${`${r.lambda.p50Us} µs`.padStart(10)}   ${r.p50Ratio.toFixed(2)}x   ${r.addedCpuUsPerRequest} µs`,
    );
    if (r.compared) {
      console.error(
        `${'  compared handler'.padEnd(22)} ${''.padStart(10)}   ${`${r.compared.p50Us} µs`.padStart(10)}   ${r.compared.p50Ratio.toFixed(2)}x   ${r.compared.addedCpuUsPerRequest} µs`,
      );
    }
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/bench.json', `${JSON.stringify(results, null, 2)}\n`);
  console.error('wrote bench-results/bench.json');
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
