import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeChangeSetCommand, StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import {
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-partnercentral-selling';
import { afterAll, describe, expect, it } from 'vitest';
import { type SeedData, startEmulator } from '../../src/emulator/index.js';
import { rejectionOf, SNAPSHOT_KEY, useEmulatorWithClients } from './clients.js';

let dir: string;

const fromOption: SeedData = {
  engagements: [
    {
      id: 'eng-zzzzzzzzzzzzzz',
      catalogs: ['AWS'],
      targetMemberAccounts: ['999988887777'],
      opportunities: [{ id: 'O42', customer: { companyName: 'Option Corp' } }],
    },
  ],
  templates: [{ name: 'CompactSummary', view: 'OpportunitySummary' }],
};
const fromFile: SeedData = {
  engagements: [
    // Adds an opportunity to the built-in engagement.
    { id: 'eng-a1b2c3d4e5f6g7', opportunities: [{ id: 'O777', customer: { companyName: 'File Corp' } }] },
  ],
  entities: [{ type: 'ContainerProduct@1.0', identifier: 'prod-fromfile0001' }],
};

const t = useEmulatorWithClients(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-seed-'));
  await writeFile(join(dir, 'seed.json'), JSON.stringify(fromFile));
  return { seedData: fromOption, seedFile: join(dir, 'seed.json'), changeSetDurationMs: 0 };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('seed data', () => {
  it('adds engagements, opportunities and templates from the option, only in their catalogs', async () => {
    const key = {
      ...SNAPSHOT_KEY,
      Catalog: 'AWS',
      EngagementIdentifier: 'eng-zzzzzzzzzzzzzz',
      ResourceIdentifier: 'O42',
      ResourceSnapshotTemplateIdentifier: 'CompactSummary',
    };
    expect((await t.pcs.send(new CreateResourceSnapshotCommand(key))).Revision).toBe(1);
    const snapshot = await t.pcs.send(new GetResourceSnapshotCommand(key));
    expect(snapshot.Payload?.OpportunitySummary?.Customer?.Account?.CompanyName).toBe('Option Corp');
    expect(snapshot.TargetMemberAccounts).toEqual(['999988887777']);
    const sandbox = await rejectionOf(
      t.pcs.send(new CreateResourceSnapshotCommand({ ...key, Catalog: 'Sandbox' })),
    );
    expect(sandbox).toBeInstanceOf(ResourceNotFoundException);
  });

  it('merges the seed file over the built-in seed', async () => {
    const key = { ...SNAPSHOT_KEY, ResourceIdentifier: 'O777' };
    await t.pcs.send(new CreateResourceSnapshotCommand(key));
    const snapshot = await t.pcs.send(new GetResourceSnapshotCommand(key));
    expect(snapshot.Payload?.OpportunitySummary?.Customer?.Account?.CompanyName).toBe('File Corp');
    // The file names no member accounts: the built-in engagement's stay.
    expect(snapshot.TargetMemberAccounts).toEqual(['111122223333', '444455556666']);
    // The built-in opportunity is still there.
    expect((await t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY))).Revision).toBe(1);

    const { ChangeSetId } = await t.mpc.send(
      new StartChangeSetCommand({
        Catalog: 'AWSMarketplace',
        ChangeSet: [
          {
            ChangeType: 'UpdateInformation',
            Entity: { Type: 'ContainerProduct@1.0', Identifier: 'prod-fromfile0001' },
          },
        ],
      }),
    );
    const described = await t.mpc.send(
      new DescribeChangeSetCommand({ Catalog: 'AWSMarketplace', ChangeSetId }),
    );
    expect(described.Status).toBe('SUCCEEDED');
  });

  it.each([
    ['invalid JSON', '{"engagements": [', /not valid JSON/],
    [
      'a bad engagement id',
      JSON.stringify({ engagements: [{ id: 'eng-1', opportunities: [] }] }),
      /engagements\[0\]\.id/,
    ],
    ['an unknown key', JSON.stringify({ entity: [] }), /unknown key\(s\) entity/],
    [
      'no target member accounts',
      JSON.stringify({
        engagements: [{ id: 'eng-zzzzzzzzzzzzzz', targetMemberAccounts: [], opportunities: [] }],
      }),
      /engagements\[0\]\.targetMemberAccounts/,
    ],
    [
      'entity details that are not an object',
      JSON.stringify({ entities: [{ type: 'Offer@1.0', identifier: 'offer-x', details: '{}' }] }),
      /entities\[0\]\.details/,
    ],
    [
      'a bad template view',
      JSON.stringify({ templates: [{ name: 'Abc', view: 'Other' }] }),
      /templates\[0\]\.view/,
    ],
    [
      'an opportunity without a company',
      JSON.stringify({
        engagements: [{ id: 'eng-zzzzzzzzzzzzzz', opportunities: [{ id: 'O1', customer: {} }] }],
      }),
      /opportunities\[0\]\.customer\.companyName/,
    ],
  ])('refuses a seed file with %s, naming the file', async (_what, content, message) => {
    const file = join(dir, 'bad.json');
    await writeFile(file, content);
    const failure = startEmulator({ seedFile: file });
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow(file);
  });

  it('refuses a missing seed file', async () => {
    await expect(startEmulator({ seedFile: join(dir, 'missing.json') })).rejects.toThrow(
      /Cannot read seed file/,
    );
  });
});
