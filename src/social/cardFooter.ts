import type { FooterStyle } from '../provenance/footerStyle.js';

/**
 * The width (CSS px) a card is assumed to be seen at: a phone's screen,
 * the card filling it (375 px: an iPhone's logical width, the narrowest
 * common one after 360).
 */
export const PHONE_WIDTH = 375;

/**
 * The smallest type (CSS px) a card's footer shows at PHONE_WIDTH: 11 px,
 * the house footer's size in an article, under which a source line is not
 * read on a phone (a Reuters/FT graphics review, 2026, measured 7–8 px).
 */
export const MIN_PHONE_TEXT = 11;

/**
 * The footer's style on a card laid out `layoutWidth` CSS px wide and
 * shown PHONE_WIDTH px wide: its type size (and line height and gap, in
 * proportion) raised so that it shows at least MIN_PHONE_TEXT px there,
 * never lowered. A card laid out at 360 px keeps the theme's 11 px; at
 * 540 px (a 1080 px card at its own width) the footer is set at 15.84 px.
 */
export function cardFooterStyle(style: FooterStyle, layoutWidth: number): FooterStyle {
  const needed = (MIN_PHONE_TEXT * layoutWidth) / PHONE_WIDTH;
  if (style.fontSize >= needed) return style;
  const grow = needed / style.fontSize;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { ...style, fontSize: round(needed), lineHeight: round(style.lineHeight * grow), gap: round(style.gap * grow) };
}

/** The size (CSS px) text of `fontSize` px on a card laid out `layoutWidth` px wide shows at on a phone (PHONE_WIDTH). */
export const phoneTextSize = (fontSize: number, layoutWidth: number) => (fontSize * PHONE_WIDTH) / layoutWidth;
