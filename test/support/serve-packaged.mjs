// Runs the packaged Lambda handler as a long-lived sandbox, the way the Node.js runtime does:
// import the bundle once (init), then one invocation at a time, in order.
//   node serve-packaged.mjs <handler.mjs>
// IPC in: { id, event, context, traceId? }; out: { ready: true } once, then { id, result } or
// { id, error } per invocation.
import { pathToFileURL } from 'node:url';

const [bundle] = process.argv.slice(2);
const { handler } = await import(pathToFileURL(bundle).href);

// As the runtime's own loop does, invocations are awaited from a loop that starts after the init,
// so they run in the asynchronous context the init left (the X-Ray SDK keeps its segment there),
// not in the context of the IPC channel, which predates the init.
const inbox = [];
let wake;
process.on('message', (message) => {
  inbox.push(message);
  wake?.();
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
for (;;) {
  while (inbox.length === 0) await new Promise((resolve) => (wake = resolve));
  const { id, event, context, traceId } = inbox.shift();
  // The runtime sets the invocation's X-Ray trace header in the environment.
  if (traceId) process.env._X_AMZN_TRACE_ID = traceId;
  else delete process.env._X_AMZN_TRACE_ID;
  try {
    const result = await handler(event, { ...context, getRemainingTimeInMillis: () => 28_000 });
    process.send({ id, result });
  } catch (error) {
    process.send({ id, error: String(error?.message ?? error) });
  }
}
