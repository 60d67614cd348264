import { ACCESS_DENIED_REASON, type EmulatorOptions, type FaultOptions, OPERATION_NAMES } from './options.js';

type Env = Record<string, string | undefined>;

const fail = (name: string, rule: string, raw: string): never => {
  throw new Error(`${name} ${rule} (got ${JSON.stringify(raw)})`);
};

// An empty value counts as unset, as in most .env and compose files.
const read = (env: Env, name: string): string | undefined => {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
};

const integer = (env: Env, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined => {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  const n = /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    return fail(name, `must be an integer between ${min} and ${max}`, raw);
  }
  return n;
};

const rate = (env: Env, name: string): number | undefined => {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  const n = /^\d*\.?\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= 0 && n <= 1)) return fail(name, 'must be a number between 0 and 1', raw);
  return n;
};

const boolean = (env: Env, name: string): boolean | undefined => {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return fail(name, 'must be true, false, 1 or 0', raw);
};

const operations = (env: Env, name: string): string[] | undefined => {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  const list = raw.split(',').map((s) => s.trim());
  for (const op of list) {
    if (!OPERATION_NAMES.includes(op)) {
      fail(name, `must be a comma list of ${OPERATION_NAMES.join(', ')}`, raw);
    }
  }
  return list;
};

const matching = (env: Env, name: string, pattern: RegExp, rule: string): string | undefined => {
  const raw = read(env, name);
  if (raw !== undefined && !pattern.test(raw)) fail(name, rule, raw);
  return raw;
};

/** Keeps only the keys that were set, so that spreading never overrides a default with undefined. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Maps EMULATOR_* variables to options. Pure: reads only `env`, touches no file (EMULATOR_SEED_FILE
 * is read by startEmulator). Unset or empty variables are left out; a bad value throws an Error
 * naming the variable.
 */
export function emulatorOptionsFromEnv(env: Env): EmulatorOptions {
  const faults: Partial<FaultOptions> = defined({
    throttleRate: rate(env, 'EMULATOR_THROTTLE_RATE'),
    serverErrorRate: rate(env, 'EMULATOR_SERVER_ERROR_RATE'),
    latencyMs: integer(env, 'EMULATOR_LATENCY_MS', 0, 600_000),
    accessDenied: boolean(env, 'EMULATOR_ACCESS_DENIED'),
    accessDeniedReason: matching(
      env,
      'EMULATOR_ACCESS_DENIED_REASON',
      ACCESS_DENIED_REASON,
      'must be an upper-case code such as INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
    ),
    malformedRate: rate(env, 'EMULATOR_MALFORMED_RATE'),
    resetRate: rate(env, 'EMULATOR_RESET_RATE'),
    seed: integer(env, 'EMULATOR_FAULT_SEED', Number.MIN_SAFE_INTEGER),
    operations: operations(env, 'EMULATOR_FAULT_OPERATIONS'),
  });
  const options: EmulatorOptions = defined({
    port: integer(env, 'EMULATOR_PORT', 0, 65535),
    host: read(env, 'EMULATOR_HOST'),
    changeSetDurationMs: integer(env, 'EMULATOR_CHANGE_SET_DURATION_MS', 0, 86_400_000),
    seedFile: read(env, 'EMULATOR_SEED_FILE'),
    accountId: matching(env, 'EMULATOR_ACCOUNT_ID', /^\d{12}$/, 'must be 12 digits'),
    region: matching(env, 'EMULATOR_REGION', /^[a-z]{2}(-[a-z]+)+-\d+$/, 'must look like us-east-1'),
    maxOpenChangeSets: integer(env, 'EMULATOR_MAX_OPEN_CHANGE_SETS', 1),
    maxSnapshotsPerResource: integer(env, 'EMULATOR_MAX_SNAPSHOTS_PER_RESOURCE', 1),
  });
  if (Object.keys(faults).length > 0) options.faults = faults;
  return options;
}
