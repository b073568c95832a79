import { atWidth } from '../compile/atWidth.js';

type Json = Record<string, unknown>;

/**
 * A spec re-laid-out to fill `width` × `height` px (a social card's chart,
 * footer excluded): as an artboard (atWidth: title wrapped to the width),
 * and the height fitted too, so Vega sizes the plot so that the whole chart,
 * axes, legend, title and padding included, is that tall. A step height
 * (`{"step": 44}`) gives way to the fitted one.
 */
export function atCardSize(vegaLite: Json, width: number, height: number, theme: Json = {}): Json {
  return { ...atWidth(vegaLite, width, theme), height, autosize: { type: 'fit', contains: 'padding' } };
}

/**
 * Whether the chart's rows are drawn a step apart (`"height": {"step": 44}`,
 * or no height with a discrete y, Vega-Lite's default step): on a card, such
 * a chart keeps its step when it fits (atWidth keeps the height), rather than
 * stretching its bars or rows to the card's height. A desk caps a bar's
 * thickness: a bar as thick as a third of the card reads as a block of
 * colour, not a bar, and two rows far apart no longer read as a list.
 */
export function isStepped(vegaLite: Json): boolean {
  const height = vegaLite.height;
  if (height && typeof height === 'object' && 'step' in height) return true;
  if (height !== undefined) return false;
  const discreteY = (view: Json) => ['nominal', 'ordinal'].includes(String(((view.encoding as Json | undefined)?.y as Json | undefined)?.type));
  return discreteY(vegaLite) || (Array.isArray(vegaLite.layer) && vegaLite.layer.some((layer) => layer && typeof layer === 'object' && discreteY(layer as Json)));
}
