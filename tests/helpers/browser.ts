// Debian's Chromium driven by playwright-core: the real browser a reader has.
// `.ci/run` installs the `chromium` package; nothing is downloaded at test time.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// As root Chromium needs --no-sandbox; the machine's closed network refuses
// Chromium's background connections, so they are switched off. playwright
// gives every launch a fresh, empty profile of its own.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

/** Headless Chromium; the caller closes it (`afterAll(() => browser.close())`). */
export function launchBrowser(): Promise<Browser> {
  // Without the FONTCONFIG_FILE citechart's sharp sets for itself (src/text/fonts.ts): under it Chromium's text came out
  // hinted to whole-pixel advances, about 4 % wider than a reader's browser draws it (a footer line of the china-supplies
  // square card measured 504.6 px in the test process, 486.3 px outside it, where resvg and the layout measure agree).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key, value]) => key !== 'FONTCONFIG_FILE' && value !== undefined)) as Record<string, string>;
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, env });
}
