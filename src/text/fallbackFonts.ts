import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// The fonts that draw what Source Sans 3 has no glyph for, tried in this
// order, glyph by glyph (Noto, SIL Open Font Licence, from the @fontsource
// variable packages: one variable font per script covers every weight, 39 MB
// for all of them unpacked, 4 MB of it the sixteen scripts after Hebrew). Source Sans 3 itself covers Latin, Greek and Cyrillic.
// Emoji (monochrome outlines, which every renderer draws) come first. Han characters go to the first CJK font that has them (Simplified Chinese
// shapes); Japanese kana and Korean hangul fall through to their own fonts.
// Then one font per script of South and South-East Asia, the Caucasus and
// Ethiopia, of which only the script's own slice is taken (`only`): their
// packages also carry Latin, math and symbol slices, which would otherwise
// draw characters no earlier font has in, say, Noto Sans Georgian.
// The same chain serves measuring (textMetrics), the PNG (fonts.conf) and the
// SVG's embedded subset (embedFonts), so the three never disagree.
export interface FallbackFamily {
  /** The family name inside the font files (what fontconfig matches). */
  family: string;
  /** npm package holding it, and the prefix of its files. */
  pkg: string;
  slug: string;
  /** A right-to-left script. */
  rtl?: true;
  /** The one slice (a key of the package's unicode.json) taken from the package; every slice when absent. */
  only?: string;
  /** Measured by HarfBuzz, not fontkit (shapeText.ts: fontkit threw on Gurmukhi, measured Khmer 7.6 px and Kannada 0.65 px off at 12 px). */
  harfbuzz?: true;
}

/** A family of the chain for one script: its Noto Sans package's slice named after it (e.g. `devanagari`). */
const script = (name: string): FallbackFamily => {
  const slug = `noto-sans-${name.toLowerCase()}`;
  return { family: `Noto Sans ${name}`, pkg: `@fontsource-variable/${slug}`, slug, only: name.toLowerCase(), harfbuzz: true };
};

export const FALLBACK_CHAIN: readonly FallbackFamily[] = [
  // First: the CJK fonts also draw some emoji code points (☀, 🌀…), as text symbols.
  { family: 'Noto Emoji', pkg: '@fontsource-variable/noto-emoji', slug: 'noto-emoji' },
  { family: 'Noto Sans SC', pkg: '@fontsource-variable/noto-sans-sc', slug: 'noto-sans-sc' },
  { family: 'Noto Sans TC', pkg: '@fontsource-variable/noto-sans-tc', slug: 'noto-sans-tc' },
  { family: 'Noto Sans JP', pkg: '@fontsource-variable/noto-sans-jp', slug: 'noto-sans-jp' },
  { family: 'Noto Sans KR', pkg: '@fontsource-variable/noto-sans-kr', slug: 'noto-sans-kr' },
  { family: 'Noto Sans Arabic', pkg: '@fontsource-variable/noto-sans-arabic', slug: 'noto-sans-arabic', rtl: true },
  { family: 'Noto Sans Hebrew', pkg: '@fontsource-variable/noto-sans-hebrew', slug: 'noto-sans-hebrew', rtl: true },
  // Indic scripts, then the rest; where two have a character (the danda U+0964, ₹, U+200C/D, ◌), the first draws it.
  ...['Devanagari', 'Bengali', 'Tamil', 'Gujarati', 'Gurmukhi', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala'].map(script),
  ...['Thai', 'Lao', 'Khmer', 'Myanmar', 'Georgian', 'Armenian', 'Ethiopic'].map(script),
];

/** One file of a fallback family: the package splits each font by Unicode ranges. */
export interface FallbackSlice {
  family: FallbackFamily;
  /** Name of the TrueType file in the fallback folder. */
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);
/**
 * The folder of the font package `pkg`: the first of Node's lookup folders
 * (`require.resolve.paths`) that holds its package.json, as `require` would
 * find it, else where resolving `pkg/package.json` leads. Resolving through
 * the packages' "exports" took 2–4 ms a package in a fresh process, and every
 * build asks for each (fallbackVersions, issue 15).
 */
function packageDir(pkg: string): string {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) packageDirs.set(pkg, (dir = findPackageDir(pkg)));
  return dir;
}

/**
 * Each package's folder, found once per process: a build asked for every
 * fallback package's three or four times (the build cache's versions, the
 * width store's and the subset cache's identity, the TrueType folder's name),
 * each time trying Node's lookup folders one by one (≈8 ms of a one-chart
 * build's CPU, issue 15). What is installed does not change while citechart runs.
 */
const packageDirs = new Map<string, string>();

function findPackageDir(pkg: string): string {
  // The font packages are installed side by side: the folder that held the last one is tried first (23 of
  // them since the scripts of India and South-East Asia came; each tried Node's lookup folders one by one).
  if (lastFolder !== undefined && existsSync(path.join(lastFolder, pkg, 'package.json'))) return path.join(lastFolder, pkg);
  for (const folder of require.resolve.paths(pkg) ?? []) {
    if (existsSync(path.join(folder, pkg, 'package.json'))) {
      lastFolder = folder;
      return path.join(folder, pkg);
    }
  }
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

let lastFolder: string | undefined;

/**
 * Parses the package's `unicode.json` (slice name → CSS unicode-range list,
 * e.g. `"[4]": "U+1f1e9-1f1f5,U+1f21a"`, `"latin": …`) into the slices,
 * in the order the chain tries them.
 */
let slices: FallbackSlice[] | undefined;
export function fallbackSlices(): FallbackSlice[] {
  if (slices) return slices;
  slices = [];
  for (const family of FALLBACK_CHAIN) {
    const table = JSON.parse(readFileSync(path.join(packageDir(family.pkg), 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const [key, list] of Object.entries(table)) {
      if (family.only !== undefined && key !== family.only) continue;
      const name = key.replace(/^\[(\d+)\]$/, '$1');
      const ranges = list.split(',').map((item): [number, number] => {
        const [from, to] = item.trim().replace(/^U\+/i, '').split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
      });
      slices.push({ family, file: `${family.slug}-${name}-wght-normal.ttf`, ranges });
    }
  }
  return slices;
}

/** The slices, in chain order, whose ranges include `codePoint`. */
export function slicesFor(codePoint: number): FallbackSlice[] {
  return fallbackSlices().filter((slice) => slice.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
}

/**
 * The folder holding every fallback slice as TrueType (what FreeType,
 * fontkit and harfbuzz all read), made by `prepareFallbackFonts`. One folder
 * per set of package versions, in the temporary folder, shared by runs.
 */
export function fallbackFontDir(): string {
  // The versions' hash made once per process: each call read every fallback package's package.json (asked
  // per character and per check, issue 15). The temporary folder is read each time, as before.
  versionsHash ??= createHash('sha256').update(fallbackVersions().join('\n')).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `citechart-fallback-fonts-${process.getuid?.() ?? 'u'}-${versionsHash}`);
}

let versionsHash: string | undefined;

const readPackageVersion = (pkg: string) => (JSON.parse(readFileSync(path.join(packageDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;

/** The installed fallback packages and their versions (for the width store's and build cache's identity). */
export function fallbackVersions(): string[] {
  // Read once per process (see packageDirs); a copy, so no caller can change another's.
  installedFallbacks ??= FALLBACK_CHAIN.map((family) => `${family.pkg}@${readPackageVersion(family.pkg)}`);
  return [...installedFallbacks];
}

let installedFallbacks: string[] | undefined;

let prepared: Promise<string> | undefined;

/**
 * Makes sure the fallback folder exists: the packages ship WOFF2, which
 * FreeType (in sharp) may not read, so each slice is decompressed once per
 * machine with fontverter (Google's woff2 in wasm), ≈2 s, into a temporary
 * folder renamed into place, so a concurrent or interrupted run never sees
 * half a folder. Later calls cost one `existsSync`. The decompressing is
 * done on a thread of its own (decompressFonts), which ends with it.
 * @returns the folder's path.
 * @throws what fontverter throws (a damaged font package).
 */
export function prepareFallbackFonts(): Promise<string> {
  prepared ??= (async () => {
    const dir = fallbackFontDir();
    if (existsSync(path.join(dir, 'complete'))) return dir;
    const temp = `${dir}.${process.pid}.${Date.now()}`;
    mkdirSync(temp, { recursive: true });
    const jobs: Array<[string, string]> = [];
    for (const family of FALLBACK_CHAIN) {
      const files = path.join(packageDir(family.pkg), 'files');
      const wanted = family.only === undefined ? '-wght-normal.woff2' : `-${family.only}-wght-normal.woff2`;
      for (const name of readdirSync(files).filter((file) => file.startsWith(`${family.slug}-`) && file.endsWith(wanted))) {
        jobs.push([path.join(files, name), path.join(temp, name.replace(/\.woff2$/, '.ttf'))]);
      }
    }
    await decompressFonts(jobs);
    writeFileSync(path.join(temp, 'complete'), '');
    try {
      renameSync(temp, dir);
    } catch {
      // Another run finished first: its folder is as good as ours.
      rmSync(temp, { recursive: true, force: true });
    }
    return dir;
  })();
  return prepared;
}

// Run by decompressFonts' thread (CommonJS, as `eval` workers are): fontverter is required by its absolute path.
const DECOMPRESS = `
const { workerData } = require('node:worker_threads');
const { readFileSync, writeFileSync } = require('node:fs');
const fontverter = require(workerData.fontverter);
(async () => {
  for (const [from, to] of workerData.jobs) writeFileSync(to, await fontverter.convert(readFileSync(from), 'truetype'));
})().catch((error) => { process.exitCode = 1; throw error; });
`;

/**
 * Writes each `[woff2File, ttfFile]` pair's TrueType, decompressed by
 * fontverter on a worker thread that ends when they are written: the WOFF2
 * decoder's WebAssembly (its memory and compiled code, ≈40 MB that a wasm
 * instance never gives back) then leaves with the thread, instead of staying
 * in the build's main thread while it draws every chart (issue 15, peak
 * memory of a build on a machine without the folder: the bench's cold builds).
 * @throws the thread's error (a damaged font file) or its exit code.
 */
function decompressFonts(jobs: Array<[string, string]>): Promise<void> {
  // Required here, not imported: the startup snapshot is made with a stand-in for worker_threads (scripts/bundle.mjs).
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  return new Promise((resolve, reject) => {
    const thread = new Worker(DECOMPRESS, { eval: true, workerData: { fontverter: require.resolve('fontverter'), jobs } });
    let failure: Error | undefined;
    thread.on('error', (error) => (failure = error));
    thread.on('exit', (code) => (failure || code ? reject(failure ?? new Error(`the font decompressing thread stopped (exit code ${code})`)) : resolve()));
  });
}

/** True once the fallback folder is complete (measuring needs it, and cannot wait for it). */
export function fallbackFontsReady(): boolean {
  return existsSync(path.join(fallbackFontDir(), 'complete'));
}
