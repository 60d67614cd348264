// Runs the packaged Lambda handler the way the Node.js runtime does, in a fresh process of any
// Node version: import the bundle, then invoke it with each event in turn.
//   node invoke-packaged.mjs <handler.mjs> <invocations.json> <results.json>
// invocations.json: [{ event, context }]; results.json: { node, importMs, rssBytes, results: [{ result, ms }] }
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, input, output] = process.argv.slice(2);
const started = performance.now();
const { handler } = await import(pathToFileURL(bundle).href);
const importMs = performance.now() - started;
const results = [];
for (const { event, context } of JSON.parse(readFileSync(input, 'utf8'))) {
  const begin = performance.now();
  const result = await handler(event, { ...context, getRemainingTimeInMillis: () => 28_000 });
  results.push({ result, ms: performance.now() - begin });
}
writeFileSync(
  output,
  JSON.stringify({ node: process.version, importMs, rssBytes: process.memoryUsage.rss(), results }),
);
// Like the runtime after a response, do not wait for idle keep-alive sockets.
process.exit(0);
