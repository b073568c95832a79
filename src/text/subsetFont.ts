import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { packageVersion, toolVersions } from '../provenance/versions.js';
import { fallbackVersions } from './fallbackFonts.js';
import type { FontSource } from './fontChain.js';

// The OpenType features shapers apply by default (HarfBuzz's and fontkit's
// default shaper, Arabic joining, marks), so the text looks and measures as
// it was laid out. The alternates of the rest (fractions, small figures,
// stylistic sets) would be two thirds of a Latin subset's bytes.
const DEFAULT_FEATURES = ['rvrn', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern', 'init', 'medi', 'fina', 'isol', 'med2', 'fin2', 'fin3', 'dist', 'abvm', 'blwm'];

// Subsets made or read in this process, by font, weight and glyph set.
const made = new Map<string, Promise<Buffer>>();

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
  const key = JSON.stringify([source.key, source.variable ? weight : null, [...new Set(text)].sort().join('')]);
  let subset = made.get(key);
  if (!subset) {
    subset = (async () => {
      const file = path.join(cacheDir(), `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.woff2`);
      const cached = readCached(file);
      if (cached) return cached;
      const { default: subsetter } = await import('subset-font');
      const bytes = await subsetter(readFileSync(source.file), text, {
        targetFormat: 'woff2',
        // Hinting is for low-resolution screens' rasterisers, which browsers mostly ignore: a third of the bytes.
        noHinting: true,
        keepFeatures: DEFAULT_FEATURES,
        ...(source.variable ? { variationAxes: { wght: weight } } : {}),
      });
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic.sync(file, bytes);
      } catch {
        // A cache: a temporary folder that cannot be written only costs the next run's time.
      }
      return bytes;
    })();
    made.set(key, subset);
  }
  return subset;
}

let dir: string | undefined;
function cacheDir(): string {
  if (dir) return dir;
  const identity = JSON.stringify([
    toolVersions().citechart,
    ...['subset-font', 'harfbuzzjs', 'fontverter', 'source-sans'].map((name) => `${name}@${packageVersion(name)}`),
    ...fallbackVersions(),
    DEFAULT_FEATURES,
  ]);
  dir = path.join(os.tmpdir(), `citechart-subsets-${process.getuid?.() ?? 'u'}-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`);
  return dir;
}

/** A cached subset, if this user wrote it and it is a WOFF2 file at all ("wOF2"); else undefined. */
function readCached(file: string): Buffer | undefined {
  try {
    if (process.getuid && statSync(file).uid !== process.getuid()) return undefined;
    const bytes = readFileSync(file);
    return bytes.subarray(0, 4).toString('latin1') === 'wOF2' ? bytes : undefined;
  } catch {
    return undefined;
  }
}
