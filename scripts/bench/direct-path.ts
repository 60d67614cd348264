import { randomUUID } from 'node:crypto';
import { StartChangeSetCommand } from '@aws-sdk/client-marketplace-catalog';
import { CreateResourceSnapshotCommand } from '@aws-sdk/client-partnercentral-selling';
import { type AwsClients, createAwsClients, EMULATOR_CREDENTIALS } from '../../src/aws/clients.js';
import { readConfig } from '../../src/config.js';
import type { Mutation } from './inputs.js';

/**
 * The baseline: the same calls sent straight through the SDK clients, built with the facade's
 * own client settings, as a caller of AWS without the facade would make them.
 */
export function createDirectPath(endpoint: string) {
  const config = readConfig('local', {});
  const clients: AwsClients = createAwsClients(config.aws, { endpoint, credentials: EMULATOR_CREDENTIALS });
  return {
    call(mutation: Mutation): Promise<unknown> {
      if (mutation === 'createResourceSnapshot') {
        return clients.partnerCentral.send(
          new CreateResourceSnapshotCommand({
            Catalog: 'Sandbox',
            EngagementIdentifier: 'eng-a1b2c3d4e5f6g7',
            ResourceType: 'Opportunity',
            ResourceIdentifier: 'O1234567890',
            ResourceSnapshotTemplateIdentifier: 'OpportunitySummary',
            ClientToken: randomUUID(),
          }),
        );
      }
      return clients.marketplace.send(
        new StartChangeSetCommand({
          Catalog: 'AWSMarketplace',
          ChangeSetName: 'bench',
          ChangeSet: [
            {
              ChangeType: 'CreateProduct',
              Entity: { Type: 'SaaSProduct@1.0' },
              DetailsDocument: { ProductTitle: 'Bench' },
            },
          ],
          ClientRequestToken: randomUUID(),
        }),
      );
    },
    close() {
      clients.partnerCentral.destroy();
      clients.marketplace.destroy();
    },
  };
}
