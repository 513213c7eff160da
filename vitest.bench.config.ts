import { defineConfig } from 'vitest/config';
import { ProgressReporter } from './bench/progress-reporter';

// `npm run bench` (bench/run.mjs): one long "test" that measures everything in real Chromium with
// the built extension and the rig's servers, inside the loopback-only namespace of run-e2e.mjs.
export default defineConfig({
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    fileParallelism: false,
    reporters: ['default', new ProgressReporter()],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
