import { type ChildProcess, spawn } from 'node:child_process';
import type { LambdaContext } from 'hono/aws-lambda';
import type { ProxyHandler, ProxyResult } from './lambda-http-bridge.js';

const SERVER = new URL('./serve-packaged.mjs', import.meta.url).pathname;

export interface PackagedSandbox {
  /** Invokes the packaged handler in the sandbox process; usable as the bridge's handler. */
  handler: ProxyHandler;
  /** Invokes with an X-Ray trace header, as the runtime does when tracing is active. */
  invokeTraced(event: object, context: LambdaContext, traceId: string): Promise<ProxyResult>;
  /** The JSON lines the process wrote to stdout (Powertools logs and EMF metrics). */
  logs(): Array<Record<string, unknown>>;
  /** What the process wrote to stderr. */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * The packaged bundle in one long-lived process of the given Node binary: a Lambda sandbox. The
 * environment is exactly `env` (plus PATH), as the runtime gives a function its configuration.
 * The process is stopped by `close()`, and killed if it outlives its caller.
 */
export async function startPackagedSandbox(
  node: string,
  bundle: string,
  env: Record<string, string>,
): Promise<PackagedSandbox> {
  const child: ChildProcess = spawn(node, [SERVER, bundle], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const pending = new Map<number, { resolve: (r: ProxyResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`sandbox exited during init (${code}): ${stderr}${stdout}`)),
    );
    child.on('message', (message: { ready?: boolean; id?: number; result?: ProxyResult; error?: string }) => {
      if (message.ready) return resolve();
      const waiter = pending.get(message.id ?? -1);
      pending.delete(message.id ?? -1);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result as ProxyResult);
    });
  });
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error(`sandbox exited: ${stderr}`));
    pending.clear();
  });
  const invoke = (event: object, context: LambdaContext, traceId?: string) =>
    new Promise<ProxyResult>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const { getRemainingTimeInMillis: _, ...plain } = context;
      child.send({ id, event, context: plain, traceId });
    });
  return {
    handler: (event, context) => invoke(event, context),
    invokeTraced: invoke,
    logs: () =>
      stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line)),
    stderr: () => stderr,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
