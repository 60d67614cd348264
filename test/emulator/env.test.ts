import { describe, expect, it } from 'vitest';
import { emulatorOptionsFromEnv, startEmulator } from '../../src/emulator/index.js';

describe('emulatorOptionsFromEnv', () => {
  it('maps every variable', () => {
    expect(
      emulatorOptionsFromEnv({
        EMULATOR_PORT: '4567',
        EMULATOR_HOST: '0.0.0.0',
        EMULATOR_CHANGE_SET_DURATION_MS: '500',
        EMULATOR_THROTTLE_RATE: '0.25',
        EMULATOR_SERVER_ERROR_RATE: '0.1',
        EMULATOR_LATENCY_MS: '20',
        EMULATOR_ACCESS_DENIED: 'TRUE',
        EMULATOR_ACCESS_DENIED_REASON: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
        EMULATOR_MALFORMED_RATE: '0',
        EMULATOR_RESET_RATE: '1',
        EMULATOR_FAULT_SEED: '42',
        EMULATOR_FAULT_OPERATIONS: 'StartChangeSet, CreateResourceSnapshot',
        EMULATOR_SEED_FILE: './seed.json',
        EMULATOR_ACCOUNT_ID: '111122223333',
        EMULATOR_MAX_OPEN_CHANGE_SETS: '5',
        EMULATOR_REGION: 'eu-west-1',
        EMULATOR_MAX_SNAPSHOTS_PER_RESOURCE: '3',
      }),
    ).toEqual({
      port: 4567,
      host: '0.0.0.0',
      changeSetDurationMs: 500,
      faults: {
        throttleRate: 0.25,
        serverErrorRate: 0.1,
        latencyMs: 20,
        accessDenied: true,
        accessDeniedReason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
        malformedRate: 0,
        resetRate: 1,
        seed: 42,
        operations: ['StartChangeSet', 'CreateResourceSnapshot'],
      },
      seedFile: './seed.json',
      accountId: '111122223333',
      maxOpenChangeSets: 5,
      region: 'eu-west-1',
      maxSnapshotsPerResource: 3,
    });
  });

  it('leaves unset and empty variables out', () => {
    expect(emulatorOptionsFromEnv({})).toEqual({});
    expect(emulatorOptionsFromEnv({ EMULATOR_PORT: '', EMULATOR_ACCESS_DENIED: '0', OTHER: 'x' })).toEqual({
      faults: { accessDenied: false },
    });
  });

  it.each([
    ['EMULATOR_PORT', '70000'],
    ['EMULATOR_PORT', '80a'],
    ['EMULATOR_CHANGE_SET_DURATION_MS', '-1'],
    ['EMULATOR_THROTTLE_RATE', '1.5'],
    ['EMULATOR_SERVER_ERROR_RATE', 'half'],
    ['EMULATOR_LATENCY_MS', '2.5'],
    ['EMULATOR_ACCESS_DENIED', 'yes'],
    ['EMULATOR_ACCESS_DENIED_REASON', 'incompatible'],
    ['EMULATOR_MALFORMED_RATE', '-0.1'],
    ['EMULATOR_RESET_RATE', '1e-1'],
    ['EMULATOR_FAULT_SEED', 'abc'],
    ['EMULATOR_FAULT_OPERATIONS', 'StartChangeSet,DeleteEverything'],
    ['EMULATOR_ACCOUNT_ID', '1234'],
    ['EMULATOR_MAX_OPEN_CHANGE_SETS', '0'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    expect(() => emulatorOptionsFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});

describe('startEmulator option validation', () => {
  it.each([
    [{ faults: { throttleRate: 2 } }, /faults\.throttleRate/],
    [{ accountId: 'abc' }, /accountId/],
    [{ port: -1 }, /port/],
    [{ maxOpenChangeSets: 0 }, /maxOpenChangeSets/],
  ])('rejects %j', async (options, message) => {
    await expect(startEmulator(options)).rejects.toThrow(message);
  });
});
