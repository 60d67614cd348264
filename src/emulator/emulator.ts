import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Delays } from './delays.js';
import { FaultInjector } from './faults.js';
import { createRequestListener, onClientError } from './http-server.js';
import { ChangeSetService } from './marketplace/change-sets.js';
import { EntityRegistry } from './marketplace/entities.js';
import {
  type EmulatorOptions,
  type ResolvedOptions,
  type RunningEmulator,
  resolveFaults,
  resolveOptions,
} from './options.js';
import { SnapshotService } from './partner-central/snapshots.js';
import type { ResolvedSeed } from './seed.js';
import { loadSeed } from './seed-file.js';
import { StatsRecorder } from './stats.js';

export interface LaunchedEmulator {
  emulator: RunningEmulator;
  seed: ResolvedSeed;
  options: ResolvedOptions;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Like startEmulator, but also hands back the merged seed and options (for the CLI's summary). */
export async function launchEmulator(options: EmulatorOptions = {}): Promise<LaunchedEmulator> {
  const resolved = resolveOptions(options);
  const seed = await loadSeed(resolved.seedData, resolved.seedFile);
  const stats = new StatsRecorder();
  const faults = new FaultInjector(resolved.faults);
  const delays = new Delays();
  const entities = new EntityRegistry(seed.entities);
  const snapshots = new SnapshotService({ ...resolved, seed, stats });
  const changeSets = new ChangeSetService({ ...resolved, entities, stats });
  let closed = false;

  const server = createServer(
    createRequestListener({
      faults,
      stats,
      delays,
      handlers: { ...snapshots.handlers, ...changeSets.handlers },
      isClosed: () => closed,
    }),
  );
  server.on('clientError', onClientError);
  // Longer than the SDK's idle sockets usually live, so a reused socket is rarely closed under it.
  server.keepAliveTimeout = 30_000;
  const port = await listen(server, resolved.port, resolved.host);
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;

  const emulator: RunningEmulator = {
    url: `http://${host}:${port}`,
    port,
    setFaults: (f) => faults.set(resolveFaults(f)),
    stats: () => stats.snapshot(),
    reset: () => {
      stats.reset();
      faults.set(resolved.faults);
      entities.reset();
      snapshots.reset();
      changeSets.reset();
    },
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      delays.cancelAll();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return { emulator, seed, options: resolved };
}

/** Starts the emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return (await launchEmulator(options)).emulator;
}
