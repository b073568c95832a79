import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { namedStylesWithPrefix } from '../compile/namedStyles.js';

// Social-card presets live in the theme, which must stay a valid Vega-Lite
// config (as artboards do, compile/themeArtboards.ts): each is a named style,
// `config.style["citechart-social-landscape"] = {"width": 1200, "height": 675}`,
// whose `width` and `height` (mark config properties, so valid) are the
// card's size in pixels of its PNG.

/** The prefix of the style names that declare a social card. */
export const SOCIAL_STYLE_PREFIX = 'citechart-social';

/** A card's size in px of its PNG. */
export interface SocialCard {
  width: number;
  height: number;
}

/**
 * A card's SVG is its size divided by this, in CSS px, and its PNG is drawn
 * at this density: a 1200×675 card is a 600×337.5 px graphic at 2×. Its
 * chart is laid out narrower (cardLayoutWidths) and scaled up to that size.
 */
export const CARD_DENSITY = 2;

/**
 * The widths (CSS px) a card may be laid out at, narrowest first, the
 * card's own width / CARD_DENSITY (the article's type size) last: the
 * graphic drawn at that width is scaled up to fill the card, so the
 * narrower, the larger its type. A card is mostly seen in a feed on a phone,
 * about 360 CSS px wide: laid out 440 px wide, the house's 11 px footer
 * reads at 9 px there and 12 px labels at about 10 px, the smallest a desk
 * sets on screen; at 360 px the card shows the type at its article size.
 */
export function cardLayoutWidths(card: SocialCard): number[] {
  const widest = card.width / CARD_DENSITY;
  const readable = card.height > card.width ? PORTRAIT_LAYOUT_WIDTHS.concat(READABLE_LAYOUT_WIDTHS) : READABLE_LAYOUT_WIDTHS;
  return [...new Set([...readable.filter((width) => width < widest), widest])];
}

/**
 * Layout widths (CSS px) a portrait card tries before READABLE_LAYOUT_WIDTHS:
 * a 4:5 card laid out 360 px wide is 450 px tall, more than a short chart
 * and its footer need, and the rest was an empty band above the footer
 * (a Reuters/FT review, 2026: 200–330 px of the 1350 px map and bar
 * cards). Narrower, the whole graphic is larger on the card (type, bars,
 * map) and fills it, as a designer scales a graphic up to its format.
 */
export const PORTRAIT_LAYOUT_WIDTHS = [320, 340];

/** Layout widths (CSS px) tried before the card's own (cardLayoutWidths). */
export const READABLE_LAYOUT_WIDTHS = [360, 440, 520];

/** The smallest and largest side of a card (px of the PNG): at 400 px the layout is 200 px wide, the narrowest artboard. */
export const MIN_CARD_SIDE = 400;
export const MAX_CARD_SIDE = 4000;

/** `1200x675`: how a card is named in a spec's `social` list and in its file name (`NAME-social-1200x675.png`). */
export const cardName = (card: SocialCard) => `${card.width}x${card.height}`;

type Json = Record<string, unknown>;

/**
 * The theme's cards, ordered by width then height, each size once; [] when
 * it declares none. Styles with a size out of range are skipped here
 * (reported by `themeSocialCardProblems`).
 */
export function themeSocialCards(theme: Json | undefined): SocialCard[] {
  const cards = new Map<string, SocialCard>();
  for (const [, style] of socialStyles(theme)) {
    const { width, height } = style;
    if (isCardSide(width) && isCardSide(height)) cards.set(cardName({ width, height }), { width, height });
  }
  return [...cards.values()].sort((a, b) => a.width - b.width || a.height - b.height);
}

/** Errors, at the theme's `style.NAME.width` or `.height`, for a card side that is not a whole number of px in range. */
export function themeSocialCardProblems(theme: JsonFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [name, style] of socialStyles(theme.value as Json)) {
    for (const side of ['width', 'height'] as const) {
      if (isCardSide(style[side])) continue;
      const got = JSON.stringify(style[side]) ?? 'nothing';
      problems.push(theme.diagnostic(['style', name, side], messages.social.themeCardSide(name, side, got, MIN_CARD_SIDE, MAX_CARD_SIDE)));
    }
  }
  return problems;
}

const socialStyles = (theme: Json | undefined) => namedStylesWithPrefix(theme, SOCIAL_STYLE_PREFIX);

/** Whole px; an odd side (675) is laid out at a half CSS px (337.5), which the 2× PNG makes whole again. */
const isCardSide = (side: unknown): side is number => typeof side === 'number' && Number.isInteger(side) && side >= MIN_CARD_SIDE && side <= MAX_CARD_SIDE;
