import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzip } from './unzip.js';

export const ZIP_PATH = '.serverless/api.zip';

/**
 * `npm run package` as on a machine with no AWS configuration at all: every AWS_* variable
 * removed and HOME pointed at an empty folder (no ~/.aws). `params` become `--param=k=v`.
 * Throws with osls's output on failure.
 */
export function packageWithoutAws(params: Record<string, string> = {}): void {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  env.HOME = mkdtempSync(join(tmpdir(), 'no-aws-home-'));
  const args = Object.entries(params).map(([k, v]) => `--param=${k}=${v}`);
  execFileSync('npm', ['run', '--silent', 'package', ...(args.length ? ['--', ...args] : [])], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

/** Unpacks the zip into a fresh temp folder; returns the folder (the handler is `src/lambda.mjs`). */
export function unpackZip(zipPath = ZIP_PATH): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'facade-lambda-'));
  return { dir, files: unzip(zipPath, dir) };
}
