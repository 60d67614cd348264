import type { SeedOpportunity, SnapshotView } from '../seed.js';

/**
 * Snapshot payloads, built from a seeded opportunity with the member names of the SDK's
 * OpportunitySummaryView and AwsOpportunitySummaryFullView shapes (the schema-based SDK drops
 * members it does not know). Undefined members vanish in JSON.stringify.
 */

const spend = (o: SeedOpportunity) =>
  o.project?.expectedCustomerSpend?.map((s) => ({
    Amount: s.amount,
    CurrencyCode: s.currencyCode,
    Frequency: s.frequency,
    TargetCompany: s.targetCompany,
  }));

function opportunitySummary(o: SeedOpportunity): Record<string, unknown> {
  const { customer, lifecycle, project } = o;
  return {
    OpportunityType: o.opportunityType,
    Lifecycle: {
      Stage: lifecycle?.stage,
      ReviewStatus: lifecycle?.reviewStatus,
      TargetCloseDate: lifecycle?.targetCloseDate,
      NextSteps: lifecycle?.nextSteps,
    },
    Customer: {
      Account: {
        CompanyName: customer.companyName,
        Industry: customer.industry,
        WebsiteUrl: customer.websiteUrl,
        Address: { CountryCode: customer.countryCode, City: customer.city, PostalCode: customer.postalCode },
      },
    },
    Project: {
      CustomerUseCase: project?.customerUseCase,
      DeliveryModels: project?.deliveryModels,
      ExpectedCustomerSpend: spend(o),
    },
  };
}

function awsFullView(o: SeedOpportunity): Record<string, unknown> {
  return {
    Origin: o.origin,
    InvolvementType: 'Co-Sell',
    Visibility: 'Full',
    LifeCycle: {
      Stage: o.lifecycle?.stage,
      TargetCloseDate: o.lifecycle?.targetCloseDate,
      NextSteps: o.lifecycle?.nextSteps,
    },
    OpportunityTeam: [
      { FirstName: 'Alex', LastName: 'Doe', Email: 'alex.doe@example.com', BusinessTitle: 'PSM' },
    ],
    Project: { ExpectedCustomerSpend: spend(o) },
  };
}

/** The ResourceSnapshotPayload union: exactly one member set. */
export function buildPayload(view: SnapshotView, opportunity: SeedOpportunity): Record<string, unknown> {
  const content = view === 'OpportunitySummary' ? opportunitySummary(opportunity) : awsFullView(opportunity);
  // Round-trip so the stored snapshot is an immutable, undefined-free copy.
  return { [view]: JSON.parse(JSON.stringify(content)) };
}
