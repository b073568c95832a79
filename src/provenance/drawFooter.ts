import { measureText } from '../render/textMetrics.js';
import type { Paragraph } from './footerParagraphs.js';
import { wrapText } from './wrapText.js';
import { xmlText } from './escapeXml.js';
import { balanceIsolates } from './isolateBidi.js';

export const FOOTER_STYLE = {
  fontSize: 11,
  lineHeight: 15,
  /** Space between the chart and the first footer line. */
  gap: 10,
  /** Grey with 7:1 contrast on white: quiet but readable. */
  color: '#595959',
};

/**
 * The footer as SVG `<text>` lines, wrapped to `width` with the bundled
 * font's real metrics (the same glyphs the PNG is drawn with), so no line
 * runs past the chart's edge. Returns the markup and its height.
 * `rtl` (Arabic): each line starts at the right edge (x = width; the group
 * says `direction="rtl"`, so `start` is the right), hanging lines indented from it.
 */
export function drawFooter(paragraphs: Paragraph[], width: number, direction: 'ltr' | 'rtl' = 'ltr'): { markup: string; height: number } {
  const at = (offset: number) => (direction === 'rtl' ? Math.round((width - offset) * 100) / 100 : offset);
  const { fontSize, lineHeight } = FOOTER_STYLE;
  const regular = (s: string) => measureText(s, fontSize, 'regular');
  const lines: string[] = [];
  for (const { lead, text } of paragraphs) {
    const indent = lead ? measureText(lead, fontSize, 'bold') + regular(' ') : 0;
    // Lines after the first of a numbered item start under its text, not its number.
    const number = /^\d+\. /.exec(text)?.[0];
    const hang = number ? Math.round(regular(number) * 100) / 100 : 0;
    balanceIsolates(wrapText(text, width, regular, indent, hang)).forEach((line, i) => {
      const y = (lines.length + 1) * lineHeight - (lineHeight - fontSize);
      const leadIn = i === 0 && lead ? `<tspan font-weight="bold">${xmlText(lead)}</tspan> ` : '';
      lines.push(`<text x="${at(i === 0 ? 0 : hang)}" y="${y}">${leadIn}${xmlText(line)}</text>`);
    });
  }
  return {
    markup: lines.join(''),
    height: lines.length ? lines.length * lineHeight : 0,
  };
}
