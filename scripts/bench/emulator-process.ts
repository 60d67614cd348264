import { type ChildProcess, spawn } from 'node:child_process';

/**
 * The emulator in its own process, so that its CPU time is not counted against the facade's, as
 * with real AWS. Change sets complete at once and quotas are out of the way: the benchmark measures
 * the request path, not the lifecycle.
 */
export async function startEmulatorProcess(): Promise<{ url: string; child: ChildProcess; stop(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: {
      ...process.env,
      EMULATOR_PORT: '0',
      EMULATOR_CHANGE_SET_DURATION_MS: '1',
      EMULATOR_MAX_OPEN_CHANGE_SETS: '1000000000',
      EMULATOR_MAX_SNAPSHOTS_PER_RESOURCE: '1000000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('emulator did not start')), 30_000);
    child.stdout?.on('data', (chunk: string) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)/.exec(chunk);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  return { url, child, stop: () => child.kill('SIGTERM') };
}
