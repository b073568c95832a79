import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FALLBACK_CHAIN, fallbackFontDir, prepareFallbackFonts } from './fallbackFonts.js';

// The bundled font: Source Sans 3 (SIL Open Font Licence) from the
// `source-sans` npm package, so every machine lays out and rasterises text
// with the same glyphs, fonts installed or not.
export const FONT_FAMILY = 'Source Sans 3';
/** The font-family stack written into SVGs: ours first, then what an article page likely has. */
// Quoted: an unquoted "Source Sans 3" is invalid CSS (3 is not an identifier).
export const FONT_STACK = `"${FONT_FAMILY}", "Source Sans Pro", "Helvetica Neue", Helvetica, Arial, sans-serif`;

export type FontFace = 'regular' | 'bold' | 'italic' | 'boldItalic';
const FACE_FILES: Record<FontFace, string> = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
};

const require = createRequire(import.meta.url);

let dir: string | undefined;
export function fontDir(): string {
  // Resolved once: the fallback chain asks for a face's file per character.
  return (dir ??= path.join(path.dirname(require.resolve('source-sans/package.json')), 'TTF'));
}

export function fontFile(face: FontFace): string {
  return path.join(fontDir(), FACE_FILES[face]);
}

/**
 * Points fontconfig (inside sharp's librsvg) at the bundled fonts and nothing
 * else: no system fonts, and a user's own FONTCONFIG_FILE is overridden, so
 * a PNG never depends on what the machine has installed. Must run before
 * sharp first renders text, as fontconfig reads its configuration once; so
 * the fallback fonts are made ready first (prepareFallbackFonts: once per machine).
 */
export async function useBundledFonts(): Promise<void> {
  await prepareFallbackFonts();
  pointFontconfigAtBundledFonts();
}

/**
 * useBundledFonts' configuration without making the fallback folder: sets
 * FONTCONFIG_FILE to a fonts.conf naming Source Sans 3's folder and the
 * fallback folder (fallbackFontDir: its path depends only on the installed
 * packages). For a build's main thread, which must set the variable before
 * its workers start (a worker's process.env does not reach native code), and
 * whose charts may need no fallback font at all: the folder is made only by
 * the worker that draws text needing it, before sharp reads the configuration
 * (renderPng calls useBundledFonts first), so a Latin-only build never
 * decompresses the 28 MB of fallback fonts (issue 15, peak memory).
 */
export function pointFontconfigAtBundledFonts(): void {
  const conf = fontsConf(fontDir(), fallbackFontDir());
  const home = path.join(os.tmpdir(), `citechart-fontconfig-${hash(conf)}`);
  const file = path.join(home, 'fonts.conf');
  if (!existsSync(file) || readFileSync(file, 'utf8') !== conf.replace('@CACHE@', path.join(home, 'cache'))) {
    mkdirSync(home, { recursive: true });
    writeFileAtomic.sync(file, conf.replace('@CACHE@', path.join(home, 'cache')));
  }
  process.env.FONTCONFIG_FILE = file;
}

function fontsConf(dir: string, fallbackDir: string): string {
  const alias = (family: string) =>
    `  <alias binding="same"><family>${family}</family><prefer><family>${FONT_FAMILY}</family></prefer></alias>`;
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${dir}</dir>`,
    `  <dir>${fallbackDir}</dir>`,
    // The fallback chain, glyph by glyph, in the order fontChain.ts follows.
    // Strong, so a script's language (which Pango sets per run) cannot reorder it.
    `  <alias binding="strong"><family>${FONT_FAMILY}</family><default>${FALLBACK_CHAIN.map((f) => `<family>${f.family}</family>`).join('')}</default></alias>`,
    '  <cachedir>@CACHE@</cachedir>',
    ...['sans-serif', 'serif', 'monospace', 'Helvetica', 'Helvetica Neue', 'Arial'].map(alias),
    '</fontconfig>',
    '',
  ].join('\n');
}

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
