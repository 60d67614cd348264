import type { EmulatorStats } from './options.js';

/** Counters behind RunningEmulator.stats(). */
export class StatsRecorder {
  private data: EmulatorStats = StatsRecorder.empty();

  private static empty(): EmulatorStats {
    return { requests: {}, created: { snapshots: 0, changeSets: 0 }, tokens: {} };
  }

  request(operation: string): void {
    this.data.requests[operation] = (this.data.requests[operation] ?? 0) + 1;
  }

  created(kind: 'snapshots' | 'changeSets', token: string | undefined): void {
    this.data.created[kind] += 1;
    if (token !== undefined) this.data.tokens[token] = (this.data.tokens[token] ?? 0) + 1;
  }

  /** A copy, so callers can keep it across later requests. */
  snapshot(): EmulatorStats {
    return structuredClone(this.data);
  }

  reset(): void {
    this.data = StatsRecorder.empty();
  }
}
