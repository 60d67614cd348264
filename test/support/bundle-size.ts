import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Static `import ... from "./x.mjs"`, `import "./x.mjs"` and `export ... from "./x.mjs"` in
// esbuild's minified ESM; `import("./x.mjs")` (lazy) is not matched.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.\/[^"']+)["']/g;

export interface BundleSizes {
  /** Every .mjs file of the bundle. */
  totalBytes: number;
  /** The entry chunk and every chunk it imports statically, transitively: what a cold start loads. */
  startupBytes: number;
  startupFiles: string[];
  /** Chunks only reached by dynamic import (GraphiQL's renderer, the SDK's lazy credential providers). */
  lazyFiles: string[];
}

export function bundleSizes(dir: string, entry: string): BundleSizes {
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs'));
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, path] of readFileSync(join(dir, file), 'utf8').matchAll(STATIC_IMPORT)) {
      pending.push((path as string).slice(2));
    }
  }
  const size = (f: string) => statSync(join(dir, f)).size;
  return {
    totalBytes: files.reduce((sum, f) => sum + size(f), 0),
    startupBytes: [...seen].reduce((sum, f) => sum + size(f), 0),
    startupFiles: [...seen],
    lazyFiles: files.filter((f) => !seen.has(f)),
  };
}
