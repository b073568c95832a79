import type { SceneNode } from '../render/sceneNode.js';
import { vega } from '../vegaBuilds.js';
import { fontRuns, openFont, sourceSans, weightOf } from './fontChain.js';
import type { FontFace } from './fonts.js';
import { calledByVegaTruncate, truncateToLimit, widthUpTo } from './labelLimit.js';
import { shapedAdvance } from './shapeText.js';
import { rememberWidth, storedWidth } from './widthStore.js';

// fontkit is loaded only when a string is not in the width store (≈100 ms to load).
const widths = new Map<string, number>();

export function faceFor(weight: unknown, style: unknown): FontFace {
  const bold = weight === 'bold' || weight === 'bolder' || (Number(weight) >= 600);
  const italic = style === 'italic' || style === 'oblique';
  return bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
}

/**
 * Advance width in px of `text` as the bundled fonts draw it: each run of
 * characters in the font the fallback chain picks for it (fontChain.ts), kerning
 * and shaping included (fontkit's, or HarfBuzz's for the scripts shapeText.ts lists). A character no font has is measured as Source Sans
 * 3's missing-glyph box, as it would be drawn.
 */
export function measureText(text: string, fontSize: number, face: FontFace = 'regular'): number {
  const key = `${face}\u0000${text}`;
  let unitWidth = widths.get(key);
  if (unitWidth === undefined) {
    unitWidth = storedWidth(key);
    if (unitWidth === undefined) {
      unitWidth = 0;
      for (const run of fontRuns(text, face)) {
        if (run.source?.harfbuzz) {
          unitWidth += shapedAdvance(run.source.file, weightOf(face), run.text);
          continue;
        }
        const font = openFont(run.source ?? sourceSans(face), face);
        unitWidth += font.layout(run.text).advanceWidth / font.unitsPerEm;
      }
      rememberWidth(key, unitWidth);
    }
    widths.set(key, unitWidth);
  }
  return unitWidth * fontSize;
}

/** What Vega hands textMetrics of a text item: the SceneNode fields that set its width. */
type TextItem = Pick<SceneNode, 'limit' | 'ellipsis' | 'dir' | 'fontSize' | 'fontWeight' | 'fontStyle'>;

/**
 * Replaces Vega's width estimate (0.8 × font size per character, which
 * makes labels far too wide without node-canvas) with the bundled font's
 * real advance widths — the same glyphs sharp will draw in the PNG.
 */
export function installTextMetrics(): void {
  // vega's typings omit textMetrics, though it is exported for exactly this (vl-convert does the same).
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  metrics.width = (item: TextItem, text: unknown) => {
    const size = item.fontSize != null ? +item.fontSize || 0 : 11;
    const line = text == null ? '' : String(text).trim();
    if (size <= 0 || !line) return 0;
    const measure = (s: string) => measureText(s, size, faceFor(item.fontWeight, item.fontStyle));
    // A label over its limit is laid out as drawn, cut (labelLimit.ts).
    const limit = Number(item.limit);
    if (!(limit > 0)) return measure(line);
    const whole = widthUpTo(line, limit, measure);
    if (whole < limit || calledByVegaTruncate()) return whole;
    return measure(truncateToLimit(line, limit, measure, item.ellipsis, item.dir === 'rtl'));
  };
}
