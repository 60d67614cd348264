/**
 * `npm run emulator`: the emulator as a standalone process. The only emulator file that reads
 * process.env.
 */
import { launchEmulator } from './emulator.js';
import { emulatorOptionsFromEnv } from './env.js';
import { SEEDED_CHANGE_SETS } from './marketplace/seeded-change-sets.js';
import type { ResolvedSeed } from './seed.js';

const DEFAULT_PORT = 4566;

function summary(seed: ResolvedSeed): string[] {
  const lines = ['Partner Central Selling (X-Amz-Target AWSPartnerCentralSelling.*):'];
  for (const e of seed.engagements) {
    const opportunities = e.opportunities.map((o) => o.id).join(', ');
    lines.push(`  engagement ${e.id} [${(e.catalogs ?? ['AWS', 'Sandbox']).join(', ')}]: ${opportunities}`);
  }
  lines.push(`  snapshot templates: ${seed.templates.map((t) => t.name).join(', ')}`);
  lines.push('Marketplace Catalog (AWSMarketplace):');
  for (const e of seed.entities) lines.push(`  entity ${e.identifier} (${e.type})`);
  for (const c of SEEDED_CHANGE_SETS) lines.push(`  change set ${c.id} (${c.name})`);
  return lines;
}

async function main(): Promise<void> {
  const options = emulatorOptionsFromEnv(process.env);
  const {
    emulator,
    seed,
    options: resolved,
  } = await launchEmulator({
    ...options,
    port: options.port ?? DEFAULT_PORT,
  });
  console.log(`AWS emulator listening on ${emulator.url}`);
  for (const line of summary(seed)) console.log(line);
  console.log(
    `Account ${resolved.accountId}, region ${resolved.region}; change sets take ${resolved.changeSetDurationMs} ms.`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Received ${signal}, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Emulator failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
