import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Config } from '../config.js';

/** A Powertools Metrics with the configured namespace and service, and `stage` on every metric. */
export function createMetrics({ serviceName, metricsNamespace, stage }: Config['observability']): Metrics {
  return new Metrics({
    namespace: metricsNamespace,
    serviceName,
    ...(stage ? { defaultDimensions: { stage } } : {}),
  });
}

/** What the HTTP and GraphQL layers need: one call per operation answered. */
export interface OutcomeRecorder {
  /** `outcome` is `OK` or the error contract's `code` (BAD_USER_INPUT, THROTTLED, ...). */
  record(operation: string, outcome: string): void;
}

/**
 * EMF metrics (Powertools): `Operations` (Count) per `operation` and `outcome`, and `ColdStart`
 * (both with `service` and, when deployed, `stage`).
 * Outcomes are counted during an invocation and written once at its end, one EMF line per
 * operation/outcome pair, because an EMF line carries one value per metric for all its dimensions.
 */
export class OperationMetrics implements OutcomeRecorder {
  readonly #metrics: Metrics;
  readonly #counts = new Map<string, { operation: string; outcome: string; count: number }>();

  constructor(metrics: Metrics) {
    this.#metrics = metrics;
  }

  record(operation: string, outcome: string): void {
    const key = `${operation}\u0000${outcome}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count += 1;
    else this.#counts.set(key, { operation, outcome, count: 1 });
  }

  /** Emits `ColdStart` on the first invocation of this process only. */
  captureColdStart(functionName?: string): void {
    this.#metrics.captureColdStartMetric(functionName);
  }

  /** Writes the invocation's counts; a no-op when nothing was recorded (e.g. /health). */
  publish(): void {
    // One instance, flushed per pair (a flush clears its dimensions): singleMetric() would build a
    // new Metrics and Console each time, which costs a cold request several milliseconds.
    for (const { operation, outcome, count } of this.#counts.values()) {
      this.#metrics.addDimension('operation', operation);
      this.#metrics.addDimension('outcome', outcome);
      this.#metrics.addMetric('Operations', MetricUnit.Count, count);
      this.#metrics.publishStoredMetrics();
    }
    this.#counts.clear();
  }

  /** Forgets what was recorded, e.g. by the init warm-up, which is not traffic. */
  discard(): void {
    this.#counts.clear();
  }
}
