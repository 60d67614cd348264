import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  CreateResourceSnapshotCommand,
  GetResourceSnapshotCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_KEY, useEmulatorWithClients } from './clients.js';

/**
 * boto3 as an independent client (another SDK, other parsers: error names from `__type`, modelled
 * error members copied from the body), run with the exact botocore models of the project's
 * reference. Skipped, by name, where python3 with boto3 or the models are not installed.
 */

// shared/ sits beside the repository (as in CI).
const MODELS = resolve('../shared/aws-models');
const SERVICES = [
  ['marketplace-catalog', '2018-09-17'],
  ['partnercentral-selling', '2022-07-26'],
] as const;

function boto3Available(): boolean {
  try {
    execFileSync('python3', ['-c', 'import boto3'], { stdio: 'ignore', timeout: 20_000 });
    execFileSync('test', ['-f', join(MODELS, 'marketplace-catalog-2018-09-17.service-2.json')]);
    return true;
  } catch {
    return false;
  }
}

const available = boto3Available();
const t = useEmulatorWithClients(() => ({ changeSetDurationMs: 60_000 }));
let dataPath: string;

beforeAll(async () => {
  dataPath = await mkdtemp(join(tmpdir(), 'emulator-boto3-'));
  for (const [service, version] of SERVICES) {
    await mkdir(join(dataPath, service, version), { recursive: true });
    await copyFile(
      join(MODELS, `${service}-${version}.service-2.json`),
      join(dataPath, service, version, 'service-2.json'),
    );
  }
});
afterAll(() => rm(dataPath, { recursive: true, force: true }));

describe.skipIf(!available)('boto3 against the emulator', () => {
  it('lists, describes and gets AWS-shaped errors', async () => {
    await t.pcs.send(new CreateResourceSnapshotCommand(SNAPSHOT_KEY));
    t.emu.setFaults({
      accessDenied: true,
      accessDeniedReason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
      operations: ['CreateResourceSnapshot'],
    });
    const { stdout } = await promisify(execFile)(
      'python3',
      [join(import.meta.dirname, 'boto3-client.py'), t.emu.url],
      {
        env: {
          ...process.env,
          AWS_DATA_PATH: dataPath,
          AWS_CONFIG_FILE: '/dev/null',
          AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
        },
        timeout: 60_000,
      },
    );
    const out = JSON.parse(stdout);

    expect(out.pages).toEqual([
      ['examplesucceeded000000001', 'examplefailed000000000001'],
      ['examplecancelled000000001'],
    ]);
    expect(out.lastToken).toBeNull();
    expect(out.failedSummary).toEqual({
      ChangeSetId: 'examplefailed000000000001',
      ChangeSetArn:
        'arn:aws:aws-marketplace:us-east-1:123456789012:AWSMarketplace/ChangeSet/examplefailed000000000001',
      ChangeSetName: 'Add dimensions to the offer',
      StartTime: '2026-11-03T14:20:00Z',
      EndTime: '2026-11-03T14:21:07Z',
      Status: 'FAILED',
      EntityIdList: ['offer-example0001'],
      FailureCode: 'CLIENT_ERROR',
    });
    expect(out.filtered).toEqual(['examplecancelled000000001', 'examplesucceeded000000001']);
    expect(out.listError).toMatchObject({
      Error: { Code: 'ValidationException' },
      status: 422,
      ValidationExceptionFieldList: [{ Field: 'Sort.SortBy', Reason: 'FieldValidationFailed' }],
    });

    expect(out.entity).toMatchObject({
      EntityType: 'SaaSProduct@1.0',
      EntityIdentifier: 'prod-example00001@2',
      LastModifiedDate: '2026-11-02T09:04:31Z',
      DetailsDocument: { Description: { ProductTitle: 'Example SaaS product' } },
    });
    expect(JSON.parse(out.entity.Details)).toEqual(out.entity.DetailsDocument);
    expect(out.entityMissing).toMatchObject({ Error: { Code: 'ResourceNotFoundException' }, status: 404 });

    expect(out.startError).toMatchObject({ Error: { Code: 'ValidationException' }, status: 422 });
    expect(out.startError.ValidationExceptionFieldList).toEqual([
      {
        Reason: 'FieldValidationFailed',
        Field: 'Details.ProductTitle',
        Message: 'Details.ProductTitle must be between 1 and 255 characters long',
        ChangeType: 'CreateProduct',
        EntityType: 'SaaSProduct@1.0',
      },
    ]);

    expect(out.targetMemberAccounts).toEqual(['111122223333', '444455556666']);
    // The milliseconds survive boto3's parse: the same instant as the JS SDK reads.
    const js = await t.pcs.send(new GetResourceSnapshotCommand(SNAPSHOT_KEY));
    expect(Date.parse(out.createdAt)).toBe(js.CreatedAt?.getTime());
    expect(out.denied).toMatchObject({
      Error: { Code: 'AccessDeniedException' },
      status: 403,
      Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE',
    });
    expect(out.unknownTemplate).toMatchObject({
      Error: { Code: 'ValidationException' },
      status: 400,
      Reason: 'BUSINESS_VALIDATION_FAILED',
      ErrorList: [{ FieldName: 'ResourceSnapshotTemplateIdentifier', Code: 'INVALID_VALUE' }],
    });
  });
});
