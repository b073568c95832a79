import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { keepFile, readOwnFile } from '../cache/userTempFiles.js';
import { askMainThread } from '../pool/askMainThread.js';
import { packageVersion, toolVersions } from '../provenance/versions.js';
import { fallbackVersions } from './fallbackFonts.js';
import type { FontSource } from './fontChain.js';

// The OpenType features shapers apply by default (HarfBuzz's and fontkit's
// default shaper, Arabic joining, marks, Indic and South-East Asian scripts), so the text looks and measures as
// it was laid out. The alternates of the rest (fractions, small figures,
// stylistic sets) would be two thirds of a Latin subset's bytes.
// subset-font's `keepFeatures` is an allow-list: a feature left out loses its
// lookups, and the glyphs only they reach. The second line is what HarfBuzz's
// Indic, Khmer, Myanmar and Universal shapers apply (hb-subset keeps them by
// default; its list in hb-subset-input.cc): without them a Devanagari subset
// drew `क्षेत्र` as क + ् + ष…, unjoined, in browsers and in resvg.
const DEFAULT_FEATURES = ['rvrn', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'init', 'medi', 'fina', 'isol', 'med2', 'fin2', 'fin3', 'dist', 'abvm', 'blwm',
  'nukt', 'akhn', 'rphf', 'rkrf', 'pref', 'blwf', 'half', 'abvf', 'pstf', 'cfar', 'vatu', 'cjct', 'pres', 'abvs', 'blws', 'psts', 'haln'];

/** WOFF2 for the published SVG's data URLs; TrueType/CFF (sfnt) for the PNG's rasteriser, which reads no WOFF2. */
export type SubsetFormat = 'woff2' | 'sfnt';

// Subsets made or read in this process, by format, font, weight and glyph set.
const made = new Map<string, Promise<Buffer>>();
const files = new Map<string, Promise<string>>();

/**
 * A WOFF2 font with exactly the glyphs `text` needs from `source` (harfbuzz's
 * hb-subset through subset-font, layout closure included, hinting dropped),
 * a variable fallback instanced at `weight`. Cached by glyph set, in this
 * process and in the temporary folder (one folder per subsetter, font
 * package and citechart version): WOFF2's brotli encoder in wasm costs
 * ≈0.3–1 s a font, which a rebuild of the same text never pays again.
 * The bytes are deterministic, cached or not.
 */
export function subsetFont(source: FontSource, weight: number, text: string): Promise<Buffer> {
  const key = subsetKey('woff2', source, weight, text);
  let subset = made.get(key);
  if (!subset) {
    subset = (async () => {
      const file = cacheFile(key, 'woff2');
      return readCached(file, 'woff2') ?? keep(file, await makeSubset(source, weight, text, 'woff2'));
    })();
    made.set(key, subset);
  }
  return subset;
}

/**
 * The same subset as subsetFont, as a TrueType/CFF file (sfnt, no
 * compression) in the temporary folder, for resvg, which reads fonts only
 * from files and re-reads a file for every glyph it draws: a subset of a few
 * KB instead of a 300 KB face makes text 3–5× cheaper to draw. Falls back to the whole font file (`source.file`) when the folder cannot
 * be written.
 * @returns the file's absolute path.
 */
export function subsetFontFile(source: FontSource, weight: number, text: string): Promise<string> {
  const key = subsetKey('sfnt', source, weight, text);
  let pending = files.get(key);
  if (!pending) {
    pending = (async () => {
      const file = cacheFile(key, 'sfnt');
      if (readCached(file, 'sfnt')) return file;
      return keep(file, await makeSubset(source, weight, text, 'sfnt')) && readCached(file, 'sfnt') ? file : source.file;
    })();
    files.set(key, pending);
  }
  return pending;
}

const subsetKey = (format: SubsetFormat, source: FontSource, weight: number, text: string) =>
  JSON.stringify([source.key, source.variable ? weight : null, [...new Set(text)].sort().join(''), ...(format === 'woff2' ? [] : [format])]);

const cacheFile = (key: string, format: SubsetFormat) => path.join(cacheDir(), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.${format === 'woff2' ? 'woff2' : 'ttf'}`);

/** What a render worker asks the main thread to subset (askMainThread.ts): makeSubset's arguments. */
export interface SubsetRequest {
  subset: { source: FontSource; weight: number; text: string; format: SubsetFormat };
}

/**
 * Makes a subset for a worker's SubsetRequest, on the main thread: the
 * subsetter's WebAssembly memory (≈90 MB, never returned) then exists once
 * per build instead of once per worker. Throws what the subsetter throws.
 */
export function serveSubset({ subset }: SubsetRequest): Promise<Uint8Array> {
  return makeSubset(subset.source, subset.weight, subset.text, subset.format);
}

async function makeSubset(source: FontSource, weight: number, text: string, format: SubsetFormat): Promise<Buffer> {
  const asked = askMainThread({ subset: { source, weight, text, format } } satisfies SubsetRequest);
  // A structured clone of a Buffer arrives as a plain Uint8Array.
  if (asked) return Buffer.from((await asked) as Uint8Array);
  const { default: subsetter } = await import('subset-font');
  return subsetter(readFileSync(source.file), source.harfbuzz ? withDecompositions(text) : text, {
    targetFormat: format,
    // Hinting is for low-resolution screens' rasterisers, which browsers and resvg ignore: a third of the bytes.
    noHinting: true,
    keepFeatures: DEFAULT_FEATURES,
    ...(source.variable ? { variationAxes: { wght: weight } } : {}),

  });
}

/**
 * `text` and the characters its characters decompose into (Unicode NFD and
 * NFKD): HarfBuzz splits a vowel sign into its parts when the font has them
 * (Telugu ై into ె and ౖ, Sinhala ො, Thai and Lao sara am into nikhahit and
 * sara aa) and shapes the parts. A subset of the text's own characters lacks
 * them, so it was shaped otherwise: `హైదరాబాద్` drew ై as one unattached
 * glyph in Chromium, not as the whole font (and librsvg, and the measure) draws it.
 */
export function withDecompositions(text: string): string {
  const parts = new Set<string>();
  for (const char of new Set(text)) for (const part of char.normalize('NFD') + char.normalize('NFKD')) if (part !== char) parts.add(part);
  let extra = '';
  for (const part of parts) if (!text.includes(part)) extra += part;
  return text + extra;
}

/** Writes `bytes` to the cache file (atomically) and returns them. */
function keep(file: string, bytes: Buffer): Buffer {
  keepFile(file, bytes);
  return bytes;
}

let dir: string | undefined;
function cacheDir(): string {
  if (dir) return dir;
  const identity = JSON.stringify([
    toolVersions().citechart,
    ...['subset-font', 'harfbuzzjs', 'fontverter', 'source-sans'].map((name) => `${name}@${packageVersion(name)}`),
    ...fallbackVersions(),
    DEFAULT_FEATURES,
    // What a HarfBuzz-measured font's subset holds beyond the text (withDecompositions).
    'decompositions',
  ]);
  dir = path.join(os.tmpdir(), `citechart-subsets-${process.getuid?.() ?? 'u'}-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`);
  return dir;
}

// The first four bytes of each format: "wOF2"; sfnt is TrueType (0x00010000, "true") or CFF ("OTTO").
const MAGIC: Record<SubsetFormat, string[]> = { woff2: ['wOF2'], sfnt: ['\u0000\u0001\u0000\u0000', 'true', 'OTTO'] };

/** A cached subset, if this user wrote it and it is a font of that format at all; else undefined. */
function readCached(file: string, format: SubsetFormat): Buffer | undefined {
  const bytes = readOwnFile(file);
  return bytes && MAGIC[format].includes(bytes.subarray(0, 4).toString('latin1')) ? bytes : undefined;
}
