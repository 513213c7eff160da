import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: real Chromium with the built extension, real servers on loopback.
// One file at a time: they share fixed loopback ports and a 2-core machine.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
