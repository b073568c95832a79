import type * as Fontkit from 'fontkit';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A copy of the sfnt font `font` (TrueType or CFF, not WOFF) whose glyphs
 * for the given characters advance by the given widths, in em (0.2 = a
 * fifth of the font size), written into its `hmtx` table; outlines and
 * everything else unchanged. Characters the font has no glyph for, and
 * glyphs past hhea's numberOfHMetrics (which share the last advance), are
 * left alone. Layout: OpenType spec, tables `hhea` (numberOfHMetrics at
 * byte 34) and `hmtx` (uint16 advanceWidth, int16 lsb per glyph).
 * @throws when `font` is not an sfnt with hhea and hmtx tables.
 */
export function setAdvances(font: Buffer, advances: ReadonlyMap<string, number>): Buffer {
  const fontkit = require('fontkit') as typeof Fontkit;
  const parsed = fontkit.create(font) as Fontkit.Font;
  const out = Buffer.from(font);
  const tables = new Map<string, number>();
  const count = out.readUInt16BE(4);
  for (let i = 0; i < count; i++) tables.set(out.toString('latin1', 12 + 16 * i, 16 + 16 * i), out.readUInt32BE(20 + 16 * i));
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  if (hhea === undefined || hmtx === undefined) throw new Error('setAdvances: the font has no hhea or hmtx table');
  const metrics = out.readUInt16BE(hhea + 34);
  for (const [char, em] of advances) {
    const glyph = parsed.glyphForCodePoint(char.codePointAt(0)!);
    if (!glyph || glyph.id === 0 || glyph.id >= metrics) continue;
    out.writeUInt16BE(Math.round(em * parsed.unitsPerEm), hmtx + 4 * glyph.id);
  }
  return out;
}
