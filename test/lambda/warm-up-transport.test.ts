import { Logger } from '@aws-lambda-powertools/logger';
import { StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { CreateResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import { describe, expect, it } from 'vitest';
import { createAwsClients } from '../../src/aws/clients.js';
import { withoutNetwork } from '../../src/aws/warm-up-transport.js';
import { readConfig } from '../../src/config.js';

/** The warm-up transport answers the SDK in-process inside withoutNetwork, and only there. */
const config = readConfig('lambda', { AUTH_MODE: 'none', AUTH_ALLOW_NONE_ON_LAMBDA: 'true' });
// Nothing listens on port 9 (discard): a request that leaves the process fails.
const clients = createAwsClients(
  config.aws,
  {
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' },
    maxAttempts: 1,
  },
  { logger: new Logger({ logLevel: 'SILENT' }), warmUpTransport: true },
);
const snapshot = () =>
  new CreateResourceSnapshotCommand({
    Catalog: 'Sandbox',
    EngagementIdentifier: 'eng-a1b2c3d4e5f6g7',
    ResourceType: 'Opportunity',
    ResourceIdentifier: 'O1234567890',
    ResourceSnapshotTemplateIdentifier: 'OpportunitySummary',
    ClientToken: 'warm-up-test',
  });

describe('warm-up transport', () => {
  it('runs the whole SDK pipeline of both clients without a socket', async () => {
    const [created, started] = await withoutNetwork(() =>
      Promise.all([
        clients.partnerCentral.send(snapshot()),
        clients.marketplace.send(
          new StartChangeSetCommand({
            Catalog: 'AWSMarketplace',
            ChangeSet: [
              { ChangeType: 'UpdateInformation', Entity: { Type: 'SaaSProduct@1.0', Identifier: 'prod-1' } },
            ],
          }),
        ),
      ]),
    );
    expect(created).toMatchObject({ Revision: 1, $metadata: { httpStatusCode: 200, requestId: 'warm-up' } });
    expect(started.ChangeSetId).toBe('warmup');
  });

  it('lets every other call go to the network', async () => {
    await expect(clients.partnerCentral.send(snapshot())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
