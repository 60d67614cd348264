/**
 * Local emulator of AWS Partner Central Selling (awsJson1_0) and AWS Marketplace Catalog
 * (restJson1) for the snapshot and change-set operations. Imports nothing from the rest of src/.
 */
export { startEmulator } from './emulator.js';
export { emulatorOptionsFromEnv } from './env.js';
export type { EmulatorOptions, EmulatorStats, FaultOptions, RunningEmulator } from './options.js';
export type {
  PartnerCentralCatalog,
  SeedData,
  SeedEngagement,
  SeedEntity,
  SeedOpportunity,
  SeedSpend,
  SeedTemplate,
  SnapshotView,
} from './seed.js';
