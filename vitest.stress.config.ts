import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// `npm run test:stress`: the bounded memory, socket and fuzz runs (a few minutes on 2 cores).
export default defineConfig({
  resolve: { alias: { graphql: require.resolve('graphql/index.js') } },
  test: {
    include: ['test/stress/**/*.stress.ts'],
    testTimeout: 240_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One file at a time: the memory figures must not share the machine with the fuzz run.
    fileParallelism: false,
  },
});
