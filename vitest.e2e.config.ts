import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// The browser tests (`npm run test:e2e`): Debian's chromium driven by playwright-core.
export default defineConfig({
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  test: { include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
