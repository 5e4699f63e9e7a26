import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['src/server/testing/postgres-notice.ts'],
    hookTimeout: 60_000,
  },
});
