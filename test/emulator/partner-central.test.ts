import {
  ConflictException,
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
  type PartnerCentralSellingClient,
  ResourceNotFoundException,
  ValidationException,
} from '@aws-sdk/client-partnercentral-selling';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js';
import { pcsClient, rejectionOf, SNAPSHOT_KEY, UUID } from './clients.js';

let emu: RunningEmulator;
let pcs: PartnerCentralSellingClient;

beforeAll(async () => {
  emu = await startEmulator();
  pcs = pcsClient(emu.url);
});
afterAll(async () => {
  pcs.destroy();
  await emu.close();
});
beforeEach(() => emu.reset());

const create = (input: Record<string, unknown> = {}) =>
  pcs.send(new CreateResourceSnapshotCommand({ ...SNAPSHOT_KEY, ...input } as never));
const get = (input: Record<string, unknown> = {}) =>
  pcs.send(new GetResourceSnapshotCommand({ ...SNAPSHOT_KEY, ...input } as never));

describe('CreateResourceSnapshot and GetResourceSnapshot', () => {
  it('creates revisions 1, 2, ... per key and reads the latest or a given one back', async () => {
    const first = await create();
    const second = await create();
    expect(first.Revision).toBe(1);
    expect(second.Revision).toBe(2);
    expect(first.Arn).toBe(
      'arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement/eng-a1b2c3d4e5f6g7/resource-snapshot/O1234567890/OpportunitySummary/1',
    );
    expect(first.$metadata.requestId).toMatch(UUID);

    const latest = await get();
    expect(latest).toMatchObject({
      Catalog: 'Sandbox',
      Arn: second.Arn,
      Revision: 2,
      CreatedBy: '123456789012',
      EngagementId: 'eng-a1b2c3d4e5f6g7',
      ResourceType: 'Opportunity',
      ResourceId: 'O1234567890',
      ResourceSnapshotTemplateName: 'OpportunitySummary',
    });
    expect(latest.CreatedAt).toBeInstanceOf(Date);
    expect(Date.now() - (latest.CreatedAt as Date).getTime()).toBeLessThan(60_000);
    expect((await get({ Revision: 1 })).Arn).toBe(first.Arn);
    expect(emu.stats().created.snapshots).toBe(2);
  });

  it('returns the payload union member of the template, built from the seeded opportunity', async () => {
    await create();
    const summary = await get();
    expect(summary.Payload).toEqual({
      OpportunitySummary: expect.objectContaining({
        OpportunityType: 'Net New Business',
        Lifecycle: expect.objectContaining({ Stage: 'Qualified', TargetCloseDate: '2027-06-30' }),
        Customer: {
          Account: expect.objectContaining({
            CompanyName: 'Example Corp',
            Address: expect.objectContaining({ CountryCode: 'US' }),
          }),
        },
        Project: expect.objectContaining({
          ExpectedCustomerSpend: [
            { Amount: '25000.00', CurrencyCode: 'USD', Frequency: 'Monthly', TargetCompany: 'AWS' },
          ],
        }),
      }),
    });

    const template = { ResourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView' };
    expect((await create(template)).Revision).toBe(1);
    const full = await get(template);
    expect(Object.keys(full.Payload ?? {})).toEqual(['AwsOpportunitySummaryFullView']);
    expect(full.Payload?.AwsOpportunitySummaryFullView?.LifeCycle?.Stage).toBe('Qualified');
  });

  it('keeps the AWS and Sandbox catalogs apart', async () => {
    await create();
    const aws = await create({ Catalog: 'AWS' });
    expect(aws.Revision).toBe(1);
    expect(aws.Arn).toContain(':catalog/AWS/');
  });

  it('replays a ClientToken: same Arn and Revision, nothing created', async () => {
    const first = await create({ ClientToken: 'token-replay-1' });
    const again = await create({ ClientToken: 'token-replay-1' });
    expect(again.Arn).toBe(first.Arn);
    expect(again.Revision).toBe(first.Revision);
    expect(emu.stats().created.snapshots).toBe(1);
    expect(emu.stats().tokens).toEqual({ 'token-replay-1': 1 });
  });

  it('rejects a ClientToken reused with other parameters with 409 ConflictException', async () => {
    await create({ ClientToken: 'token-conflict' });
    const error = await rejectionOf(
      create({
        ClientToken: 'token-conflict',
        ResourceSnapshotTemplateIdentifier: 'AwsOpportunitySummaryFullView',
      }),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.$metadata?.httpStatusCode).toBe(409);
    expect(error.$metadata?.requestId).toMatch(UUID);
    expect(emu.stats().created.snapshots).toBe(1);
  });

  it('reports every failing field at once', async () => {
    const error = await rejectionOf(
      create({
        Catalog: 'aws',
        EngagementIdentifier: 'eng-TOO-SHORT',
        ResourceType: 'Account',
        ClientToken: '',
      }),
    );
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.Reason).toBe('REQUEST_VALIDATION_FAILED');
    expect(error.message).toMatch(/^4 validation errors detected/);
    const list = error.ErrorList as { FieldName: string; Code: string; Message: string }[];
    expect(list.map(({ FieldName, Code }) => ({ FieldName, Code }))).toEqual([
      { FieldName: 'Catalog', Code: 'INVALID_ENUM_VALUE' },
      { FieldName: 'EngagementIdentifier', Code: 'INVALID_STRING_FORMAT' },
      { FieldName: 'ResourceType', Code: 'INVALID_ENUM_VALUE' },
      { FieldName: 'ClientToken', Code: 'INVALID_STRING_FORMAT' },
    ]);
    expect(list.every((e) => e.Message.length > 0)).toBe(true);
    expect(emu.stats().created.snapshots).toBe(0);
  });

  it('reports missing members as REQUIRED_FIELD_MISSING and bad formats per member', async () => {
    const missing = await rejectionOf(pcs.send(new CreateResourceSnapshotCommand({} as never)));
    expect((missing.ErrorList as { Code: string }[]).map((e) => e.Code)).toEqual(
      Array(5).fill('REQUIRED_FIELD_MISSING'),
    );
    const formats = await rejectionOf(
      create({ Catalog: 'AW5', ResourceIdentifier: 'opp-1', ResourceSnapshotTemplateIdentifier: 'ab' }),
    );
    expect(formats.ErrorList).toEqual([
      expect.objectContaining({ FieldName: 'Catalog', Code: 'INVALID_STRING_FORMAT' }),
      expect.objectContaining({ FieldName: 'ResourceIdentifier', Code: 'INVALID_STRING_FORMAT' }),
      expect.objectContaining({
        FieldName: 'ResourceSnapshotTemplateIdentifier',
        Code: 'INVALID_STRING_FORMAT',
      }),
    ]);
    const revision = await rejectionOf(get({ Revision: 0 }));
    expect(revision.ErrorList).toEqual([
      expect.objectContaining({ FieldName: 'Revision', Code: 'VALUE_OUT_OF_RANGE' }),
    ]);
  });

  it('rejects an unknown template as BUSINESS_VALIDATION_FAILED', async () => {
    const error = await rejectionOf(create({ ResourceSnapshotTemplateIdentifier: 'NoSuchTemplate' }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.Reason).toBe('BUSINESS_VALIDATION_FAILED');
    expect(error.ErrorList).toEqual([
      expect.objectContaining({ FieldName: 'ResourceSnapshotTemplateIdentifier', Code: 'INVALID_VALUE' }),
    ]);
  });

  it.each([
    ['an unknown engagement', { EngagementIdentifier: 'eng-00000000000000' }],
    ['an unknown opportunity', { ResourceIdentifier: 'O999' }],
  ])('answers 404 ResourceNotFoundException for %s', async (_what, input) => {
    for (const call of [create(input), get(input)]) {
      const error = await rejectionOf(call);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata?.httpStatusCode).toBe(404);
      expect(error.$metadata?.requestId).toMatch(UUID);
    }
  });

  it('answers 404 for a snapshot or revision that does not exist', async () => {
    expect(await rejectionOf(get())).toBeInstanceOf(ResourceNotFoundException);
    await create();
    const error = await rejectionOf(get({ Revision: 2 }));
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toContain('revision 2');
  });
});
