import type { FaultOptions } from './options.js';

export type FaultAction = 'accessDenied' | 'reset' | 'malformed' | 'serverError' | 'throttle';

export interface FaultDecision {
  latencyMs: number;
  action: FaultAction | undefined;
  /** With action accessDenied: the configured Reason, if any. */
  reason?: string;
}

/** mulberry32: tiny, fast and good enough to make fault sequences reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Decides, per request, whether and how to misbehave. One random draw per eligible request, split
 * into consecutive bands (reset, malformed, serverError, throttle), so each configured rate is the
 * exact probability of its fault as long as the rates add up to at most 1.
 */
export class FaultInjector {
  private faults!: FaultOptions;
  private random!: () => number;

  constructor(faults: FaultOptions) {
    this.set(faults);
  }

  /** Replaces the faults and restarts the seeded sequence. */
  set(faults: FaultOptions): void {
    this.faults = faults;
    this.random = faults.seed === undefined ? Math.random : mulberry32(faults.seed);
  }

  decide(operation: string | undefined): FaultDecision {
    const f = this.faults;
    const applies =
      f.operations === undefined || (operation !== undefined && f.operations.includes(operation));
    if (!applies) return { latencyMs: 0, action: undefined };
    // Requests for no known operation get latency only: there is nothing to fault.
    if (operation === undefined) return { latencyMs: f.latencyMs, action: undefined };
    if (f.accessDenied)
      return { latencyMs: f.latencyMs, action: 'accessDenied', reason: f.accessDeniedReason };
    const draw = this.random();
    const bands: [FaultAction, number][] = [
      ['reset', f.resetRate],
      ['malformed', f.malformedRate],
      ['serverError', f.serverErrorRate],
      ['throttle', f.throttleRate],
    ];
    let upper = 0;
    for (const [action, rate] of bands) {
      upper += rate;
      if (draw < upper) return { latencyMs: f.latencyMs, action };
    }
    return { latencyMs: f.latencyMs, action: undefined };
  }
}
