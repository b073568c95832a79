import { FONT_STACK } from '../text/fonts.js';
import { applyDarkPalette, darkModeStyle } from './darkMode.js';
import { dropExternalRef } from './dropExternalRefs.js';
import { drawFooter } from './drawFooter.js';
import { DEFAULT_FOOTER_STYLE, type FooterStyle } from './footerStyle.js';
import type { Paragraph } from './footerParagraphs.js';
import { idPrefix, prefixIds } from './prefixIds.js';
import { stripControl, xmlAttribute, xmlText } from './escapeXml.js';
import { markDecorative } from './markDecorative.js';

/** The narrowest footer text column, in px. */
export const MIN_FOOTER_WIDTH = 260;

export interface SvgParts {
  name: string;
  /** The id prefix; the chart's own (`cc-NAME`) unless this is an artboard. */
  prefix?: string;
  /** Vega's SVG of the chart alone. */
  vegaSvg: string;
  width: number;
  height: number;
  padding: { left: number; right: number; bottom: number };
  background: string;
  title: string;
  alt: string;
  paragraphs: Paragraph[];
  /** JSON-LD provenance, serialised. */
  jsonLd: string;
  /** `dark` draws the whole graphic in the dark palette (`--theme dark`). */
  scheme?: 'light' | 'dark';
  /** `auto`: a light graphic that turns dark on a page that prefers a dark scheme. */
  darkMode?: 'auto' | 'off';
  /** An artboard is exactly as wide as asked: never widened for the footer. */
  exactWidth?: boolean;
  /** A social card (src/social) is exactly this tall (px), its chart fitted so that the footer ends there or above; its footer ends at the bottom padding, any room left going between chart and footer. */
  exactHeight?: number;
  /**
   * A social card's size as its viewBox (CSS px, its PNG's size / 2): the
   * graphic laid out at `width` × `exactHeight` px is scaled up uniformly to
   * fill it, so its type is larger on the card than in an article.
   */
  viewSize?: { width: number; height: number };
  /** The footer's type size, line height, gap and colour (the theme's `config.style["citechart-footer"]`). */
  footerStyle?: FooterStyle;
  /** The dark scheme's background (`transparent`: the page shows through); undefined for the dark paper. */
  darkBackground?: string;
  /** BCP 47 tag of the chart's language (src/locale): `lang` on the root; absent, none (as before locales). */
  lang?: string;
  /** `rtl`: footer lines start at the right edge and read right to left. */
  direction?: 'ltr' | 'rtl';
}

/**
 * The published SVG: Vega's chart with the provenance footer drawn beneath
 * it, an accessible name and description, and the JSON-LD in `<metadata>`.
 *
 * - Responsive: a viewBox and `width="100%"`, no height, so it fills its
 *   container and keeps its aspect ratio (renderPng gives sharp the size).
 * - Ids prefixed with the chart's name so several charts share a page.
 * - Self-contained: a `url(…)` reaching outside the SVG becomes `none`.
 * - Accessible: `role="img"` named by `<title>` and described by `<desc>`;
 *   decorative parts hidden from screen readers.
 * - Dark: drawn dark, or carrying its own prefers-color-scheme style.
 */
export function composeSvg(parts: SvgParts): string {
  const prefix = parts.prefix ?? idPrefix(parts.name);
  // A very narrow chart would squeeze its sources into a column of single
  // words; the graphic widens instead, the chart staying at its left edge.
  const width = parts.exactWidth ? parts.width : Math.max(parts.width, MIN_FOOTER_WIDTH + parts.padding.left + parts.padding.right);
  const footerWidth = width - parts.padding.left - parts.padding.right;
  const footerStyle = parts.footerStyle ?? DEFAULT_FOOTER_STYLE;
  const rtl = parts.direction === 'rtl';
  const footer = drawFooter(parts.paragraphs, footerWidth, footerStyle, rtl ? 'rtl' : 'ltr');
  // A card's footer sits at its foot, as a page's does: a chart shorter than the card leaves the room above the footer.
  const footerTop = parts.exactHeight !== undefined && footer.height
    ? Math.max(parts.height - parts.padding.bottom + footerStyle.gap, parts.exactHeight - parts.padding.bottom - footer.height)
    : parts.height - parts.padding.bottom + footerStyle.gap;
  const height = parts.exactHeight ?? Math.ceil(footer.height ? footerTop + footer.height + parts.padding.bottom : parts.height);
  const view = parts.viewSize ?? { width, height };
  const zoom = view.width / width;
  const inner = markDecorative(parts.vegaSvg.slice(parts.vegaSvg.indexOf('>') + 1, parts.vegaSvg.lastIndexOf('</svg>')));
  const rootId = `${prefix}-root`;

  const open = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"`,
    ` class="citechart" id="${rootId}"${parts.lang ? ` lang="${xmlAttribute(parts.lang)}"` : ''} width="100%" viewBox="0 0 ${view.width} ${view.height}"`,
    ` role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="${xmlAttribute(FONT_STACK)}">`,
    `<title id="${prefix}-title">${xmlText(parts.title || parts.name)}</title>`,
    `<desc id="${prefix}-desc">${xmlText(parts.alt)}</desc>`,
    `<metadata id="${prefix}-provenance">${xmlText(parts.jsonLd)}</metadata>`,
  ].join('');
  const body = [
    `<rect class="citechart-background" aria-hidden="true" width="${view.width}" height="${view.height}" fill="${xmlAttribute(parts.background)}"/>`,
    zoom !== 1 ? `<g class="citechart-zoom" transform="scale(${zoom})">` : '',
    `<g class="citechart-chart">${inner}</g>`,
    `<g class="citechart-footer" transform="translate(${parts.padding.left},${footerTop})"`,
    ` font-size="${footerStyle.fontSize}" fill="${xmlAttribute(footerStyle.color)}"${rtl ? ' direction="rtl" text-anchor="start"' : ''}>${footer.markup}</g>`,
    zoom !== 1 ? '</g>' : '',
    `</svg>\n`,
  ].join('');
  // Vega's own markup is not cleaned of characters XML forbids (a vertical
  // tab pasted into a title would make the file unreadable): clean it all.
  // A colour from a spec or a CSV cell may be `url(https://…)`: nothing outside the graphic is referenced.
  let svg = prefixIds(stripControl(open + body), prefix, dropExternalRef);
  if (parts.scheme === 'dark') return applyDarkPalette(svg, parts.darkBackground);
  if (parts.darkMode === 'auto') {
    const style = darkModeStyle(svg, rootId, parts.darkBackground);
    svg = svg.replace('<rect class="citechart-background"', `${style}<rect class="citechart-background"`);
  }
  return svg;
}
