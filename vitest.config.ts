import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The browser tests drive Debian's Chromium (tests/helpers/browser.ts). CI
// installs it and always runs them (a missing browser fails there); a
// developer's machine without it skips them, saying so.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const browserTests = existsSync(chromium) || Boolean(process.env.CI);
if (!browserTests) {
  console.warn(`\n${chromium} not found: the browser tests (tests/browser) are skipped. Install Debian's chromium (apt-get install chromium) to run them; CI always does.\n`);
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(browserTests ? [] : ['tests/browser/**'])],
    // Renders with sharp and spawns the CLI: generous but bounded. CI runs on a
    // loaded 2-core machine, where a test's wall time grows many times over (an
    // e2e test of 12 builds took over 60 s at load 18): a timeout here only
    // guards against a hang, never measures speed (tests of speed measure CPU
    // time, tests/helpers/cpuTime.ts).
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Fixed time zone: outputs must not depend on it (tests that vary TZ set it per process).
    env: { TZ: 'UTC' },
  },
});
