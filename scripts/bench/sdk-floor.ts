import { MarketplaceCatalogClient } from '@aws-sdk/client-marketplace-catalog';
import {
  CreateResourceSnapshotCommand,
  PartnerCentralSellingClient,
} from '@aws-sdk/client-partnercentral-selling';

/**
 * The cold-start floor of `npm run bench:coldstart`: only the two SDK clients the facade uses,
 * bundled like the Lambda (scripts/bench/sdk-floor-bundle.ts), answering an invocation with one
 * CreateResourceSnapshot, as the facade's first mutation makes. Region, endpoint and credentials
 * come from the environment, as the SDK reads them on Lambda.
 */
const partnerCentral = new PartnerCentralSellingClient({});
export const marketplace = new MarketplaceCatalogClient({});

export async function handler() {
  const out = await partnerCentral.send(
    new CreateResourceSnapshotCommand({
      Catalog: 'Sandbox',
      EngagementIdentifier: 'eng-a1b2c3d4e5f6g7',
      ResourceType: 'Opportunity',
      ResourceIdentifier: 'O1234567890',
      ResourceSnapshotTemplateIdentifier: 'OpportunitySummary',
      ClientToken: `floor-${Date.now()}`,
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ arn: out.Arn, revision: out.Revision }) };
}
