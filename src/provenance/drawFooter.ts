import { measureText } from '../text/textMetrics.js';
import type { Paragraph } from './footerParagraphs.js';
import { FOOTER_LAST_WORDS, wrapBalanced } from './wrapText.js';
import { xmlText } from './escapeXml.js';
import { balanceIsolates } from './isolateBidi.js';

import { DEFAULT_FOOTER_STYLE, type FooterStyle } from './footerStyle.js';

// A numbered list item: "1. ", as the catalogues' `numbered` writes it.
const NUMBER = /^\d+\. /;

/**
 * The footer as SVG `<text>` lines, wrapped to `width` with the bundled
 * font's real metrics (the same glyphs the PNG is drawn with), so no line
 * runs past the chart's edge. `style` gives the type size and line height
 * (px; the theme's `config.style["citechart-footer"]`, see footerStyle).
 * Returns the markup and its height (px).
 *
 * A list ("Notes: 1. … 2. …", or "Notes: A." then an `item` "B.") is set
 * as one: every item, and every continuation line of every item (the one
 * after the lead-in too), starts where the lead-in's text does: one hanging
 * indent for all notes, numbered or not. A paragraph that opens no list
 * ("Source: …") wraps to the margin. Each paragraph is balanced
 * (wrapBalanced) so that its last line is not a widow of fewer than
 * FOOTER_LAST_WORDS words, and never breaks inside a name the paragraph
 * asks to `keep` whole (footerParagraphs: "Zhifan Liu", not "Zhifan / Liu").
 * `rtl` (Arabic): each line starts at the right edge (x = width; the group
 * says `direction="rtl"`, so `start` is the right), hanging lines indented from it.
 */
export function drawFooter(
  paragraphs: Paragraph[],
  width: number,
  style: FooterStyle = DEFAULT_FOOTER_STYLE,
  direction: 'ltr' | 'rtl' = 'ltr',
): { markup: string; height: number } {
  const at = (offset: number) => (direction === 'rtl' ? Math.round((width - offset) * 100) / 100 : offset);
  const { fontSize, lineHeight } = style;
  const regular = (s: string) => measureText(s, fontSize, 'regular');
  const round = (x: number) => Math.round(x * 100) / 100;
  const lines: string[] = [];
  let listStart = 0;
  paragraphs.forEach(({ lead, text, item, keep }, p) => {
    const number = NUMBER.test(text);
    const leadWidth = lead ? measureText(lead, fontSize, 'bold') + regular(' ') : 0;
    // A numbered item or an `item` without a lead-in continues the list the previous lead-in opened.
    if (lead) listStart = round(leadWidth);
    else if (!number && !item) listStart = 0;
    const start = lead ? 0 : listStart;
    const indent = lead ? leadWidth : listStart;
    const next = paragraphs[p + 1];
    const opensList = Boolean(lead && next && !next.lead && (next.item || NUMBER.test(next.text)));
    // One hanging indent for the whole list: every line of every item, its
    // number included, under the text after the lead-in ("Notes:"), as a
    // Reuters/FT review asked; a lone paragraph ("Source: …") wraps to the margin.
    const hang = lead ? (opensList || number ? listStart : 0) : number || item ? listStart : 0;
    balanceIsolates(wrapBalanced(text, width, regular, { indent, hang, minLastWords: FOOTER_LAST_WORDS, keep })).forEach((line, i) => {
      const y = (lines.length + 1) * lineHeight - (lineHeight - fontSize);
      const leadIn = i === 0 && lead ? `<tspan font-weight="bold">${xmlText(lead)}</tspan> ` : '';
      lines.push(`<text x="${at(i === 0 ? start : hang)}" y="${y}">${leadIn}${xmlText(line)}</text>`);
    });
  });
  return {
    markup: lines.join(''),
    height: lines.length ? lines.length * lineHeight : 0,
  };
}
