import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Renders with sharp and spawns the CLI: generous but bounded.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Fixed time zone: outputs must not depend on it (tests that vary TZ set it per process).
    env: { TZ: 'UTC' },
  },
});
