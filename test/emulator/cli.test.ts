import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function run(env: Record<string, string>) {
  child = spawn(tsx, ['src/emulator/main.ts'], { cwd: root, env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk.toString();
  });
  return { process: child, stdout: () => stdout, stderr: () => stderr };
}

async function waitForOutput(read: () => string, pattern: RegExp, ms = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = read().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) expect.fail(`no ${pattern} in output: ${read()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm run emulator (tsx src/emulator/main.ts)', () => {
  it('prints its URL and seed, serves requests and stops cleanly on SIGTERM', async () => {
    const cli = run({ EMULATOR_PORT: '0' });
    const [, url] = await waitForOutput(cli.stdout, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    expect(cli.stdout()).toContain('eng-a1b2c3d4e5f6g7');
    expect(cli.stdout()).toContain('prod-example00001');

    const response = await fetch(`${url}/DescribeChangeSet?catalog=AWSMarketplace&changeSetId=unknown`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');

    cli.process.kill('SIGTERM');
    const [code] = await once(cli.process, 'exit');
    expect(code).toBe(0);
  });

  it('refuses to start on a bad variable, naming it', async () => {
    const cli = run({ EMULATOR_PORT: '0', EMULATOR_THROTTLE_RATE: 'lots' });
    const [code] = await once(cli.process, 'exit');
    expect(code).toBe(1);
    expect(cli.stderr()).toContain('EMULATOR_THROTTLE_RATE');
  });
});
