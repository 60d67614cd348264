import type { SeedData } from './seed.js';

/** Faults injected before business logic; see docs/emulator.md. */
export interface FaultOptions {
  /** 0..1 probability of 429 ThrottlingException. */
  throttleRate: number;
  /** 0..1 probability of 500 InternalServerException (PCS) / InternalServiceException (MPC). */
  serverErrorRate: number;
  /** Added before every answer. */
  latencyMs: number;
  /** Every operation answers 403 AccessDeniedException. */
  accessDenied: boolean;
  /**
   * With accessDenied, the `Reason` Partner Central's AccessDeniedException carries, e.g.
   * INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE (the model's only value today; any upper-case code is
   * accepted, to exercise values AWS adds later). Marketplace's AccessDeniedException has no Reason.
   */
  accessDeniedReason?: string;
  /** 0..1 probability of a 502 with a text/html body, like a broken proxy. */
  malformedRate: number;
  /** 0..1 probability of destroying the socket without answering. */
  resetRate: number;
  /** Makes the fault decisions reproducible (mulberry32) when given. */
  seed?: number;
  /** Limit faults to these operation names; all operations when absent. */
  operations?: string[];
}

export interface EmulatorOptions {
  /** Default 0 (ephemeral); the CLI uses EMULATOR_PORT, default 4566. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 3000: PREPARING for half, APPLYING for half, then SUCCEEDED/FAILED. */
  changeSetDurationMs?: number;
  faults?: Partial<FaultOptions>;
  /** Extra seed merged over the built-in seed. */
  seedData?: SeedData;
  /** JSON file holding SeedData, merged over seedData. */
  seedFile?: string;
  /** Default '123456789012'. */
  accountId?: string;
  /** Default 'us-east-1'. */
  region?: string;
  /** 402 ServiceQuotaExceededException beyond this many non-terminal change sets; default 20. */
  maxOpenChangeSets?: number;
  /** PCS 402 ServiceQuotaExceededException beyond this many revisions per snapshot key; default 1000. */
  maxSnapshotsPerResource?: number;
}

export interface EmulatorStats {
  /** Per operation name, every request received (faulted ones too). */
  requests: Record<string, number>;
  created: { snapshots: number; changeSets: number };
  /** Per idempotency token: how many resources were created with it (never more than 1). */
  tokens: Record<string, number>;
}

export interface RunningEmulator {
  url: string;
  port: number;
  /** Replaces the current faults (not merged with them). */
  setFaults(f: Partial<FaultOptions>): void;
  stats(): EmulatorStats;
  /** Drops all state, stats and run-time faults back to the seed and the start options. */
  reset(): void;
  /** Closes the server and every socket; leaves no timers behind. */
  close(): Promise<void>;
}

export const PARTNER_CENTRAL_OPERATIONS = ['CreateResourceSnapshot', 'GetResourceSnapshot'] as const;
export const MARKETPLACE_OPERATIONS = [
  'StartChangeSet',
  'DescribeChangeSet',
  'CancelChangeSet',
  'ListChangeSets',
  'DescribeEntity',
] as const;
export const OPERATION_NAMES: readonly string[] = [...PARTNER_CENTRAL_OPERATIONS, ...MARKETPLACE_OPERATIONS];

export interface ResolvedOptions {
  port: number;
  host: string;
  changeSetDurationMs: number;
  faults: FaultOptions;
  accountId: string;
  region: string;
  maxOpenChangeSets: number;
  maxSnapshotsPerResource: number;
  seedData: SeedData | undefined;
  seedFile: string | undefined;
}

export const NO_FAULTS: FaultOptions = {
  throttleRate: 0,
  serverErrorRate: 0,
  latencyMs: 0,
  accessDenied: false,
  malformedRate: 0,
  resetRate: 0,
};

export const ACCESS_DENIED_REASON = /^[A-Z][A-Z0-9_]{0,99}$/;

const check = (ok: boolean, what: string, rule: string, value: unknown): void => {
  if (!ok) throw new Error(`Invalid emulator option ${what}: ${rule} (got ${JSON.stringify(value)})`);
};

const isRate = (v: number): boolean => Number.isFinite(v) && v >= 0 && v <= 1;
const isNonNegativeInt = (v: number): boolean => Number.isSafeInteger(v) && v >= 0;

/** Fills defaults and validates faults; throws an Error naming the bad option. */
export function resolveFaults(f: Partial<FaultOptions> = {}): FaultOptions {
  const faults: FaultOptions = { ...NO_FAULTS, ...stripUndefined(f) };
  for (const key of ['throttleRate', 'serverErrorRate', 'malformedRate', 'resetRate'] as const) {
    check(isRate(faults[key]), `faults.${key}`, 'must be a number between 0 and 1', faults[key]);
  }
  check(
    isNonNegativeInt(faults.latencyMs),
    'faults.latencyMs',
    'must be a non-negative integer',
    faults.latencyMs,
  );
  check(
    typeof faults.accessDenied === 'boolean',
    'faults.accessDenied',
    'must be a boolean',
    faults.accessDenied,
  );
  if (faults.accessDeniedReason !== undefined) {
    check(
      typeof faults.accessDeniedReason === 'string' && ACCESS_DENIED_REASON.test(faults.accessDeniedReason),
      'faults.accessDeniedReason',
      'must be an upper-case code such as INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
      faults.accessDeniedReason,
    );
  }
  if (faults.seed !== undefined) {
    check(Number.isSafeInteger(faults.seed), 'faults.seed', 'must be an integer', faults.seed);
  }
  if (faults.operations !== undefined) {
    for (const op of faults.operations) {
      check(
        OPERATION_NAMES.includes(op),
        'faults.operations',
        `must list only ${OPERATION_NAMES.join(', ')}`,
        op,
      );
    }
  }
  return faults;
}

export function resolveOptions(o: EmulatorOptions = {}): ResolvedOptions {
  const resolved: ResolvedOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    changeSetDurationMs: o.changeSetDurationMs ?? 3000,
    faults: resolveFaults(o.faults),
    accountId: o.accountId ?? '123456789012',
    region: o.region ?? 'us-east-1',
    maxOpenChangeSets: o.maxOpenChangeSets ?? 20,
    maxSnapshotsPerResource: o.maxSnapshotsPerResource ?? 1000,
    seedData: o.seedData,
    seedFile: o.seedFile,
  };
  const { port, host, changeSetDurationMs, accountId, region } = resolved;
  check(isNonNegativeInt(port) && port <= 65535, 'port', 'must be an integer 0..65535', port);
  check(host.length > 0, 'host', 'must not be empty', host);
  check(
    isNonNegativeInt(changeSetDurationMs),
    'changeSetDurationMs',
    'must be a non-negative integer',
    changeSetDurationMs,
  );
  check(/^\d{12}$/.test(accountId), 'accountId', 'must be 12 digits', accountId);
  check(/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region), 'region', 'must look like us-east-1', region);
  check(
    resolved.maxOpenChangeSets >= 1 && Number.isSafeInteger(resolved.maxOpenChangeSets),
    'maxOpenChangeSets',
    'must be a positive integer',
    resolved.maxOpenChangeSets,
  );
  check(
    resolved.maxSnapshotsPerResource >= 1 && Number.isSafeInteger(resolved.maxSnapshotsPerResource),
    'maxSnapshotsPerResource',
    'must be a positive integer',
    resolved.maxSnapshotsPerResource,
  );
  return resolved;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
