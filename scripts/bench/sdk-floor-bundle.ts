import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/**
 * scripts/bench/sdk-floor.ts bundled with the Lambda's esbuild settings (serverless.yml: ESM,
 * minified, split, the SDK bundled, node24 target). Returns the entry file.
 */
export async function bundleSdkFloor(): Promise<{ entry: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'facade-sdk-floor-'));
  await build({
    entryPoints: { 'sdk-floor': new URL('./sdk-floor.ts', import.meta.url).pathname },
    outdir: dir,
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    mainFields: ['module', 'main'],
    splitting: true,
    banner: {
      js: "import { createRequire as __facadeCreateRequire } from 'node:module'; const require = __facadeCreateRequire(import.meta.url);",
    },
    logLevel: 'error',
  });
  return { entry: join(dir, 'sdk-floor.mjs'), dir };
}
