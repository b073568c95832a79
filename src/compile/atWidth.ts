import { wrapBalanced } from '../provenance/wrapText.js';
import { toLines } from '../provenance/textLines.js';
import { fitMarginPx } from '../geo/fitMargin.js';
import { faceFor, measureText } from '../text/textMetrics.js';

type Json = Record<string, unknown>;

/**
 * A spec re-laid-out at a given total width (an artboard): Vega sizes the
 * plot so that the whole chart, axes, legend, title and padding included,
 * is `width` px wide; the height stays the spec's own, but a map's
 * (mapAspectHeight). Vega never wraps a
 * title, so the title and subtitle are wrapped here into lines that fit,
 * measured with the bundled font as Vega measures them, balanced when the
 * last line would be a single word (wrapBalanced: one word brought down,
 * the fewest that cure it).
 */
export function atWidth(vegaLite: Json, width: number, theme: Json = {}): Json {
  const config = { ...(theme.title as Json), ...((vegaLite.config as Json | undefined)?.title as Json) };
  const padding = vegaLite.padding ?? theme.padding ?? 5;
  const side = (key: 'left' | 'right') => (typeof padding === 'number' ? padding : Number((padding as Json)[key] ?? 0));
  const room = width - side('left') - side('right');
  const height = mapAspectHeight(vegaLite, room);
  return { ...vegaLite, ...wrappedTitle(vegaLite.title, config, room), width, ...(height !== undefined && { height }), autosize: { type: 'fit-x', contains: 'padding' } };
}

/**
 * A map's plot height (px) when its plot is `plotWidth` px wide: the spec's
 * height scaled as its width is, so a projection fitted to the plot fills
 * the artboard as it fills the published graphic, plus its fit margin
 * above and below (fitMarginPx). Kept at the spec's own,
 * a 270 px tall world map in a 320 px artboard is 130 px of map between
 * two bands of white. Undefined (the height unchanged) for any chart that
 * is not a map (no `projection`, no geoshape mark, no longitude channel)
 * or whose width or height is not a number of px.
 */
export function mapAspectHeight(vegaLite: Json, plotWidth: number): number | undefined {
  const { width, height } = vegaLite;
  if (typeof width !== 'number' || typeof height !== 'number' || width <= 0 || !isMap(vegaLite)) return undefined;
  // The spec's height at this width, and room for the margin the map is fitted inside (fitWithMargin) above and
  // below, so that the margin does not shrink a phone's map: "China" fits on its coast at 320 px as it did.
  // (The margin depends on the plot's height it is added to: a few rounds settle it; rounded up, never short of room.)
  const scaled = (height * plotWidth) / width;
  let plot = scaled;
  for (let round = 0; round < 4; round++) plot = scaled + 2 * fitMarginPx(plotWidth, plot);
  return Math.max(1, Math.ceil(plot - 1e-9));
}

/** Whether a view draws a map: a `projection`, a `geoshape` mark or a `longitude` channel, in it or in one of its layers. */
export function isMap(view: Json): boolean {
  if (view.projection) return true;
  const mark = view.mark;
  if (mark === 'geoshape' || (mark && typeof mark === 'object' && (mark as Json).type === 'geoshape')) return true;
  const encoding = view.encoding;
  if (encoding && typeof encoding === 'object' && 'longitude' in encoding) return true;
  return Array.isArray(view.layer) && view.layer.some((layer) => !!layer && typeof layer === 'object' && isMap(layer as Json));
}

function wrappedTitle(title: unknown, config: Json, room: number): { title?: Json } {
  if (title === undefined || title === null) return {};
  const spec: Json = typeof title === 'object' && !Array.isArray(title) ? { ...(title as Json) } : { text: title };
  const style = { ...config, ...spec };
  // Vega-Lite's defaults for a title: 13px bold; the subtitle 12px normal.
  const wrap = (text: unknown, size: unknown, weight: unknown, fontStyle: unknown, minLastWords = 2) => {
    if (typeof text !== 'string' && !Array.isArray(text)) return text;
    const face = faceFor(weight, fontStyle);
    const measure = (s: string) => measureText(s, Number(size), face);
    return toLines(text).flatMap((line) => wrapBalanced(line, room, measure, { minLastWords }));
  };
  spec.text = wrap(spec.text, style.fontSize ?? 13, style.fontWeight ?? 'bold', style.fontStyle);
  if (spec.subtitle !== undefined) {
    spec.subtitle = wrap(spec.subtitle, style.subtitleFontSize ?? 12, style.subtitleFontWeight ?? 'normal', style.subtitleFontStyle);
  }
  return { title: spec };
}

/** Whether Vega-Lite can fit this spec to one width: single and layered views can, concat and facet cannot. */
export function fitsOneWidth(vegaLite: Json): boolean {
  if (['facet', 'repeat', 'concat', 'hconcat', 'vconcat'].some((key) => key in vegaLite)) return false;
  const encoding = (vegaLite.encoding ?? {}) as Json;
  return !('row' in encoding || 'column' in encoding || 'facet' in encoding);
}

/**
 * Vega-Lite warns that it drops "fit-y" whenever the height is a step, even
 * when only "fit-x" was asked for (the layout is then exactly fit-x): noise
 * about citechart's own setting, not the user's spec.
 */
export const isFitNoise = (message: string) => message.includes('Dropping "fit-y" because spec has discrete height.');
