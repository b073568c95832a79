import { DEK_LAST_WORDS, wrapBalanced } from '../provenance/wrapText.js';
import { toLines } from '../provenance/textLines.js';
import { faceFor, measureText } from '../text/textMetrics.js';

type Json = Record<string, unknown>;

/**
 * A spec re-laid-out at a given total width (an artboard): Vega sizes the
 * plot so that the whole chart, axes, legend, title and padding included,
 * is `width` px wide; the height stays the spec's own. Vega never wraps a
 * title, so the title and subtitle are wrapped here into lines that fit,
 * measured with the bundled font as Vega measures them, balanced when the
 * last line would be a single word, the subtitle when it would be fewer
 * than DEK_LAST_WORDS words (wrapBalanced).
 */
export function atWidth(vegaLite: Json, width: number, theme: Json = {}): Json {
  const config = { ...(theme.title as Json), ...((vegaLite.config as Json | undefined)?.title as Json) };
  const padding = vegaLite.padding ?? theme.padding ?? 5;
  const side = (key: 'left' | 'right') => (typeof padding === 'number' ? padding : Number((padding as Json)[key] ?? 0));
  const room = width - side('left') - side('right');
  return { ...vegaLite, ...wrappedTitle(vegaLite.title, config, room), width, autosize: { type: 'fit-x', contains: 'padding' } };
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
    spec.subtitle = wrap(spec.subtitle, style.subtitleFontSize ?? 12, style.subtitleFontWeight ?? 'normal', style.subtitleFontStyle, DEK_LAST_WORDS);
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
