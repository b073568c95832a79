// Issue 15, peak memory: a build's main thread made the fallback folder
// (28 MB of Noto decompressed from WOFF2) before drawing anything, and kept
// the WOFF2 decoder's WebAssembly (≈40 MB) for the rest of the build, even
// when no chart had a character beyond Source Sans 3. Now fontconfig is
// pointed at the folder without making it, and the folder is made, when a
// chart needs it, on a thread that ends with the decompressing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackFontDir, fallbackFontsReady, fallbackSlices, prepareFallbackFonts } from '../../src/text/fallbackFonts.js';
import { pointFontconfigAtBundledFonts, useBundledFonts } from '../../src/text/fonts.js';

const require = createRequire(import.meta.url);
let tmp: string;
const saved = { TMPDIR: process.env.TMPDIR, FONTCONFIG_FILE: process.env.FONTCONFIG_FILE };

beforeAll(() => {
  // os.tmpdir() reads TMPDIR at each call: a machine that never made the folder.
  tmp = mkdtempSync(path.join(os.tmpdir(), 'fallback-fonts-test-'));
  process.env.TMPDIR = tmp;
});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  rmSync(tmp, { recursive: true, force: true });
});

const loadedHere = (name: string) => Object.keys(require.cache).some((file) => file.includes(`${path.sep}${name}${path.sep}`));

describe('fallback fonts made only when needed, off the calling thread', () => {
  it('points fontconfig at the fallback folder without making it', () => {
    pointFontconfigAtBundledFonts();
    expect(fallbackFontDir().startsWith(tmp)).toBe(true);
    expect(existsSync(fallbackFontDir())).toBe(false);
    const conf = readFileSync(process.env.FONTCONFIG_FILE!, 'utf8');
    expect(conf).toContain(`<dir>${fallbackFontDir()}</dir>`);
  });

  it('decompresses every slice on a thread of its own, and writes the same configuration after', async () => {
    const pointed = process.env.FONTCONFIG_FILE;
    const conf = readFileSync(pointed!, 'utf8');
    expect(await prepareFallbackFonts()).toBe(fallbackFontDir());
    expect(fallbackFontsReady()).toBe(true);
    // The WOFF2 decoder never ran in this thread: its WebAssembly left with the decompressing thread.
    expect(loadedHere('wawoff2')).toBe(false);
    const made = readdirSync(fallbackFontDir()).filter((file) => file.endsWith('.ttf'));
    expect(made.sort()).toEqual([...new Set(fallbackSlices().map((slice) => slice.file))].sort());
    // TrueType files (FreeType, fontkit and harfbuzz read them), not WOFF2.
    for (const file of made) expect(readFileSync(path.join(fallbackFontDir(), file)).subarray(0, 4).toString('latin1')).toBe('\u0000\u0001\u0000\u0000');
    await useBundledFonts();
    expect(process.env.FONTCONFIG_FILE).toBe(pointed);
    expect(readFileSync(pointed!, 'utf8')).toBe(conf);
  }, 120_000);
});
