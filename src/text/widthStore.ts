import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { packageVersion, toolVersions } from '../provenance/versions.js';
import { fallbackVersions } from './fallbackFonts.js';
import { fontFile, type FontFace } from './fonts.js';

// Text widths measured in earlier runs, kept in one file per font and
// fontkit install in the temporary folder (like the fontconfig cache in
// fonts.ts). Laying text out with fontkit is exact but slow to start: loading
// fontkit and its first layout of each face (decoding the OpenType tables)
// is ≈250 ms of a cold `citechart build NAME`. A width read from here is the
// number fontkit gave for the same string with the same font files and
// fontkit version, so the graphics' bytes do not depend on it; a string not
// found is measured, and remembered at the end of the build.

const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const require = createRequire(import.meta.url);

let stored: Map<string, number> | undefined;
// Null-prototype: the keys hold chart text.
let fresh: Record<string, number> = Object.create(null);

/**
 * The file for this install: a new fontkit or harfbuzzjs (shapeText.ts), font file (size, mtime),
 * fallback font package or citechart version is a new file. citechart's version is in it because the
 * build cache trusts these numbers as fontkit's: a release that measures
 * otherwise (features, units) must not read widths an older one stored, or
 * its graphics would be laid out with wrong widths even with --force.
 */
export function widthStoreFile(): string {
  const fontkitPackage = path.join(path.dirname(require.resolve('fontkit')), '..', 'package.json');
  const identity = [`citechart ${toolVersions().citechart}`, readFileSync(fontkitPackage, 'utf8'), `harfbuzzjs@${packageVersion('harfbuzzjs')}`, ...fallbackVersions(), ...FACES.map((face) => fontFile(face)).map((file) => {
    const stat = statSync(file);
    return `${file} ${stat.size} ${stat.mtimeMs}`;
  })];
  const hash = createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `citechart-text-widths-${process.getuid?.() ?? 'u'}-${hash}.json`);
}

/** The widths in a store file; a missing or damaged file, or an entry that is not a width, counts as absent. */
export function readWidths(file: string): Record<string, number> {
  try {
    // The temporary folder is shared: a file another user put there is not trusted.
    if (process.getuid && statSync(file).uid !== process.getuid()) return {};
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    // Anything but a finite number ≥ 0 is not a width fontkit gave: ignored.
    return Object.fromEntries(Object.entries(value).filter(([, width]) => typeof width === 'number' && Number.isFinite(width) && width >= 0));
  } catch {
    return {};
  }
}

/** A width (per unit of font size) measured in an earlier run, if any. */
export function storedWidth(key: string): number | undefined {
  stored ??= new Map(Object.entries(readWidths(widthStoreFile())));
  return stored.get(key);
}

/** Records a width just measured, to be saved. */
export function rememberWidth(key: string, width: number): void {
  fresh[key] = width;
}

/** The widths measured in this thread since the last call (a worker hands them to the build). */
export function takeFreshWidths(): Record<string, number> {
  const taken = fresh;
  fresh = Object.create(null);
  return taken;
}

/** Adds widths to the file (merged with what another run may have written since). */
export function saveWidths(widths: Record<string, number>, file = widthStoreFile()): void {
  if (!Object.keys(widths).length) return;
  try {
    writeFileAtomic.sync(file, JSON.stringify({ ...readWidths(file), ...widths }));
  } catch {
    // A cache: a temporary folder that cannot be written only costs the next run's time.
  }
}
