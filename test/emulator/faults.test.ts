import {
  DescribeChangeSetCommand,
  InternalServiceException,
  MarketplaceCatalogServiceException,
  AccessDeniedException as MpcAccessDeniedException,
  ResourceNotFoundException as MpcResourceNotFoundException,
  ThrottlingException as MpcThrottlingException,
  StartChangeSetCommand,
} from '@aws-sdk/client-marketplace-catalog';
import {
  AccessDeniedException,
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
  InternalServerException,
  PartnerCentralSellingServiceException,
  ThrottlingException,
} from '@aws-sdk/client-partnercentral-selling';
import { beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import {
  fastRetry,
  pcsClient,
  rejectionOf,
  SAAS_PRODUCT,
  SNAPSHOT_KEY,
  UUID,
  useEmulatorWithClients,
} from './clients.js';

const t = useEmulatorWithClients();
beforeEach(() => t.emu.reset());

const createSnapshot = (client = t.pcs) => client.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
const describeUnknown = () =>
  t.mpc.send(
    new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId: 'abcdefghijklmnopqrstuvwxy' }),
  );
const startChangeSet = () =>
  t.mpc.send(
    new StartChangeSetCommand({
      Catalog: 'AWSMarketplace',
      ChangeSet: [{ ChangeType: 'UpdateInformation', Entity: SAAS_PRODUCT }],
    }),
  );

describe('fault injection', () => {
  it('lets the SDK retry a throttled call through to success, with one creation for its token', async () => {
    // mulberry32(8) draws 0.156 then 0.625: the first attempt is throttled, the second passes.
    t.emu.setFaults({ throttleRate: 0.5, seed: 8 });
    const client = pcsClient(t.emu.url, fastRetry(3));
    const result = await createSnapshot(client);
    client.destroy();
    expect(result.Revision).toBe(1);
    expect(result.$metadata.attempts).toBe(2);
    const stats = t.emu.stats();
    expect(stats.requests.CreateResourceSnapshot).toBe(2);
    expect(stats.created.snapshots).toBe(1);
    expect(Object.values(stats.tokens)).toEqual([1]);
  });

  it('surfaces ThrottlingException (429) after the SDK used all its attempts', async () => {
    t.emu.setFaults({ throttleRate: 1 });
    const client = pcsClient(t.emu.url, fastRetry(3));
    const error = await rejectionOf(createSnapshot(client));
    client.destroy();
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.$metadata).toMatchObject({
      httpStatusCode: 429,
      attempts: 3,
      requestId: expect.stringMatching(UUID),
    });
    expect(t.emu.stats().requests.CreateResourceSnapshot).toBe(3);
    expect(t.emu.stats().created.snapshots).toBe(0);

    const mpcError = await rejectionOf(describeUnknown());
    expect(mpcError).toBeInstanceOf(MpcThrottlingException);
    expect(mpcError.$metadata?.httpStatusCode).toBe(429);
  });

  it('injects 500 InternalServerException (PCS) and InternalServiceException (MPC)', async () => {
    t.emu.setFaults({ serverErrorRate: 1 });
    const pcsError = await rejectionOf(createSnapshot());
    expect(pcsError).toBeInstanceOf(InternalServerException);
    expect(pcsError.$fault).toBe('server');
    expect(pcsError.$metadata?.httpStatusCode).toBe(500);
    const mpcError = await rejectionOf(startChangeSet());
    expect(mpcError).toBeInstanceOf(InternalServiceException);
    expect(mpcError.$metadata?.httpStatusCode).toBe(500);
    expect(t.emu.stats().created).toEqual({ snapshots: 0, changeSets: 0 });
  });

  it('answers 403 AccessDeniedException to every operation when accessDenied is set', async () => {
    t.emu.setFaults({ accessDenied: true });
    const pcsError = await rejectionOf(t.pcs.send(new GetResourceSnapshotCommand(SNAPSHOT_KEY)));
    expect(pcsError).toBeInstanceOf(AccessDeniedException);
    expect(pcsError.$metadata?.httpStatusCode).toBe(403);
    const mpcError = await rejectionOf(startChangeSet());
    expect(mpcError).toBeInstanceOf(MpcAccessDeniedException);
    expect(mpcError.$metadata?.httpStatusCode).toBe(403);
  });

  it('sends a non-JSON 502 that the SDK cannot parse as a service error', async () => {
    t.emu.setFaults({ malformedRate: 1 });
    const error = await rejectionOf(createSnapshot());
    expect(error).not.toBeInstanceOf(PartnerCentralSellingServiceException);
    expect(error.$metadata?.httpStatusCode).toBe(502);
    const mpcError = await rejectionOf(describeUnknown());
    expect(mpcError).not.toBeInstanceOf(MarketplaceCatalogServiceException);
    expect(mpcError.$metadata?.httpStatusCode).toBe(502);
  });

  it('resets the connection without any HTTP answer', async () => {
    t.emu.setFaults({ resetRate: 1 });
    const error = await rejectionOf(createSnapshot());
    expect(error).not.toBeInstanceOf(PartnerCentralSellingServiceException);
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(error.code).toBe('ECONNRESET');
    expect(t.emu.stats().requests.CreateResourceSnapshot).toBe(1);
  });

  it('limits faults to the listed operations', async () => {
    t.emu.setFaults({ serverErrorRate: 1, operations: ['StartChangeSet'] });
    expect(await rejectionOf(startChangeSet())).toBeInstanceOf(InternalServiceException);
    expect(await rejectionOf(describeUnknown())).toBeInstanceOf(MpcResourceNotFoundException);
    expect((await createSnapshot()).Revision).toBe(1);
  });

  it('repeats the same fault sequence for the same seed', async () => {
    const outcomes = async () => {
      t.emu.setFaults({ throttleRate: 0.5, seed: 42, operations: ['DescribeChangeSet'] });
      const names: string[] = [];
      for (let i = 0; i < 12; i++) names.push((await rejectionOf(describeUnknown())).name);
      return names;
    };
    const first = await outcomes();
    expect(new Set(first)).toEqual(new Set(['ThrottlingException', 'ResourceNotFoundException']));
    expect(await outcomes()).toEqual(first);
  });

  it('adds latency before answering', async () => {
    t.emu.setFaults({ latencyMs: 250 });
    const started = performance.now();
    await rejectionOf(describeUnknown());
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('rejects invalid fault options, naming the option', () => {
    expect(() => t.emu.setFaults({ throttleRate: 1.5 })).toThrow(/faults\.throttleRate/);
    expect(() => t.emu.setFaults({ operations: ['DeleteEverything'] })).toThrow(/faults\.operations/);
  });

  it('reset() restores the start faults, state and stats', async () => {
    t.emu.setFaults({ accessDenied: true });
    await rejectionOf(createSnapshot());
    t.emu.reset();
    expect(t.emu.stats()).toEqual({ requests: {}, created: { snapshots: 0, changeSets: 0 }, tokens: {} });
    expect((await createSnapshot()).Revision).toBe(1);
  });
});

describe('close()', () => {
  it('returns promptly while a delayed answer is pending and fails that request', async () => {
    const slow = await startEmulator({ faults: { latencyMs: 10_000 } });
    const client = pcsClient(slow.url);
    const pending = rejectionOf(createSnapshot(client));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await slow.close();
    expect(performance.now() - started).toBeLessThan(1000);
    const error = await pending;
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    client.destroy();
  });
});
