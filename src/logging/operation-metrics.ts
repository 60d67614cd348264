import { Metrics } from '@aws-lambda-powertools/metrics';
import type { Config } from '../config.js';

/** Powertools' Metrics, saying whether it is off (POWERTOOLS_METRICS_DISABLED, POWERTOOLS_DEV) as it decides. */
export class FacadeMetrics extends Metrics {
  get off(): boolean {
    return this.isDisabled();
  }
}

/** A Powertools Metrics with the configured namespace and service, and `stage` on every metric. */
export function createMetrics({
  serviceName,
  metricsNamespace,
  stage,
}: Config['observability']): FacadeMetrics {
  return new FacadeMetrics({
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
 * EMF metrics: `Operations` (Count) per `operation` and `outcome`, and `ColdStart` (Powertools'
 * own, once per process), both with `service` and, when deployed, `stage`.
 * Outcomes are counted during an invocation and written once at its end, one EMF line per
 * operation/outcome pair, because an EMF line carries one value per metric for all its dimensions.
 * The `Operations` line is the one Powertools' publishStoredMetrics writes, written here: its
 * stores, environment reads and Console cost 50-85 µs per invocation, one JSON.stringify and one
 * write do the same (measured, docs/performance.md).
 */
export class OperationMetrics implements OutcomeRecorder {
  readonly #metrics: FacadeMetrics;
  readonly #counts = new Map<string, { operation: string; outcome: string; count: number }>();
  /** The EMF line's constant part, before its timestamp; undefined when metrics are off. */
  readonly #head: string | undefined;
  readonly #dimensions: string;

  constructor(metrics: FacadeMetrics, { serviceName, metricsNamespace, stage }: Config['observability']) {
    this.#metrics = metrics;
    const dimensionNames = ['service', ...(stage ? ['stage'] : []), 'operation', 'outcome'];
    this.#head = metrics.off ? undefined : '{"_aws":{"Timestamp":';
    this.#dimensions =
      `,"CloudWatchMetrics":[{"Namespace":${JSON.stringify(metricsNamespace)},` +
      `"Dimensions":[${JSON.stringify(dimensionNames)}],"Metrics":[{"Name":"Operations","Unit":"Count"}]}]},` +
      `"service":${JSON.stringify(serviceName)}${stage ? `,"stage":${JSON.stringify(stage)}` : ''}`;
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
    if (this.#counts.size === 0) return;
    if (this.#head !== undefined) {
      const timestamp = Date.now();
      let out = '';
      for (const { operation, outcome, count } of this.#counts.values()) {
        out += `${this.#head}${timestamp}${this.#dimensions},"operation":${JSON.stringify(operation)},"outcome":${JSON.stringify(outcome)},"Operations":${count}}\n`;
      }
      process.stdout.write(out);
    }
    this.#counts.clear();
  }

  /** Forgets what was recorded, e.g. by the init warm-up, which is not traffic. */
  discard(): void {
    this.#counts.clear();
  }
}
