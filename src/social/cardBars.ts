type Json = Record<string, unknown>;

// A bar chart's bars on a social card keep the thickness a desk gives a
// bar, whatever room the card has: laid out at a card's width and scaled
// up, with its rows grown to fill a portrait card, a bar 0.82 of its band
// came out 150 px thick on a 1350 px card, a block of colour beside 40 px
// labels (a Reuters/FT review, 2026).

/**
 * The thickest a card's bar is drawn, in ems of its axis labels: about
 * what Datawrapper's and the FT's bar charts give a bar beside 14–16 px
 * labels (20–28 px), so a bar reads as a bar next to its label at any scale.
 */
export const CARD_BAR_EMS = 2;

/** Vega-Lite's axis label size (px) where neither the spec nor the theme sets one (vega-lite `src/config.ts`). */
const DEFAULT_LABEL_SIZE = 10;

/**
 * The spec with each bar mark drawn across a discrete axis (horizontal bars
 * on a nominal or ordinal y, vertical ones on such an x) no thicker than
 * CARD_BAR_EMS times that axis's label size (px; the spec's own, else its
 * config's or the theme's, at least `minLabelSize`, the card's text size):
 * its `height` (or `width`) an expression, the smaller of what the spec
 * gives it (a share of the band, `{"band": 0.82}`, or the whole band) and
 * that cap, so that a band grown on a card adds room between bars, not
 * thickness. A bar that sets its thickness in px, or an expression, is left
 * as it is, as is every other mark.
 */
export function withCardBars(vegaLite: Json, minLabelSize: number, theme: Json = {}): Json {
  const config = (vegaLite.config as Json | undefined) ?? {};
  const axisLabelSize = ((config.axis as Json | undefined)?.labelFontSize ?? (theme.axis as Json | undefined)?.labelFontSize) as unknown;
  return capView(vegaLite, {}, minLabelSize, typeof axisLabelSize === 'number' ? axisLabelSize : DEFAULT_LABEL_SIZE);
}

function capView(view: Json, inherited: Json, minLabelSize: number, axisLabelSize: number): Json {
  const encoding = { ...inherited, ...((view.encoding as Json | undefined) ?? {}) };
  const out: Json = { ...view };
  const mark = view.mark;
  const def: Json | undefined = mark === 'bar' ? { type: 'bar' } : mark && typeof mark === 'object' && (mark as Json).type === 'bar' ? (mark as Json) : undefined;
  if (def) {
    for (const [channel, size] of [['y', 'height'], ['x', 'width']] as const) {
      const position = encoding[channel] as Json | undefined;
      if (!position || !['nominal', 'ordinal'].includes(String(position.type))) continue;
      const own = def[size];
      const band = own === undefined ? 1 : own && typeof own === 'object' && typeof (own as Json).band === 'number' ? ((own as Json).band as number) : undefined;
      if (band === undefined) continue;
      const axis = position.axis as Json | null | undefined;
      const labelSize = axis && typeof axis.labelFontSize === 'number' ? axis.labelFontSize : axisLabelSize;
      const cap = Math.round(CARD_BAR_EMS * Math.max(labelSize, minLabelSize) * 100) / 100;
      out.mark = { ...def, [size]: { expr: `min(bandwidth('${channel}') * ${band}, ${cap})` } };
    }
  }
  if (Array.isArray(view.layer)) out.layer = view.layer.map((layer) => (layer && typeof layer === 'object' ? capView(layer as Json, encoding, minLabelSize, axisLabelSize) : layer));
  return out;
}
