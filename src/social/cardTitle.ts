import { cardLayoutWidths, type SocialCard } from './socialPresets.js';

type Json = Record<string, unknown>;

// A card's layout width is chosen per chart (the narrowest its chart and
// footer fit at), and the layout is scaled up to the card, so the title's
// size followed the chart: the 1200×675 cards' titles differed by 15%
// from one chart to the next (a Reuters/FT review, 2026). A desk sets one
// headline size per format.

/** Vega-Lite's title size (px) where neither the spec nor the theme sets one (vega `src/config.ts`). */
const DEFAULT_TITLE_SIZE = 13;
/** Vega-Lite's subtitle size (px) where neither the spec nor the theme sets one. */
const DEFAULT_SUBTITLE_SIZE = 12;

/**
 * The layout height (CSS px) at which a format's title size is taken: room
 * for a title of two lines, a plot of 40% of the card and a short footer at
 * the house's sizes (16 + 2 × 23 + 18 + 112 + 60 + 16 ≈ 270, rounded up).
 */
export const TITLE_LAYOUT_HEIGHT = 280;

/**
 * The layout width (CSS px) whose title size is the card's format's: the
 * narrowest of cardLayoutWidths at which the card is at least
 * TITLE_LAYOUT_HEIGHT px tall (1200×675: 520; 1080×1080: 360; 1080×1350:
 * 320), else its widest. The title drawn at the theme's size at that width
 * and scaled up to the card is the format's title size.
 */
export function titleLayoutWidth(card: SocialCard): number {
  const widths = cardLayoutWidths(card);
  return widths.find((width) => (width * card.height) / card.width >= TITLE_LAYOUT_HEIGHT) ?? widths.at(-1)!;
}

/**
 * The spec with its title's size, and its subtitle's, set so that, laid
 * out `width` px wide and scaled up to the card, they show at the format's
 * sizes (the theme's × width / titleLayoutWidth): larger in the layout
 * when the chart needs a wider one, smaller when a narrower one. The
 * subtitle goes with the title so the two keep the house's proportion
 * (19 to 14 px): a 27 px title over a 14 px dek reads as two stories.
 */
export function withCardTitle(vegaLite: Json, width: number, card: SocialCard, theme: Json = {}): Json {
  const config = (vegaLite.config as Json | undefined) ?? {};
  const title = (config.title as Json | undefined) ?? {};
  const themed = (theme.title as Json | undefined) ?? {};
  const scale = width / titleLayoutWidth(card);
  const sized = (key: string, fallback: number) => {
    const own = title[key] ?? themed[key];
    return Math.round((typeof own === 'number' ? own : fallback) * scale * 100) / 100;
  };
  return { ...vegaLite, config: { ...config, title: { ...title, fontSize: sized('fontSize', DEFAULT_TITLE_SIZE), subtitleFontSize: sized('subtitleFontSize', DEFAULT_SUBTITLE_SIZE) } } };
}

/** Vega-Lite's title offset (px) where neither the spec nor the theme sets one (vega-lite `src/title.ts`). */
const DEFAULT_TITLE_OFFSET = 10;

/** The spec with `extra` px more between its title block and its chart (`config.title.offset`, the spec's or the theme's, else Vega-Lite's). */
export function withTitleOffset(vegaLite: Json, extra: number, theme: Json = {}): Json {
  const config = (vegaLite.config as Json | undefined) ?? {};
  const title = (config.title as Json | undefined) ?? {};
  const own = title.offset ?? (theme.title as Json | undefined)?.offset;
  const offset = Math.round(((typeof own === 'number' ? own : DEFAULT_TITLE_OFFSET) + extra) * 100) / 100;
  return { ...vegaLite, config: { ...config, title: { ...title, offset } } };
}
