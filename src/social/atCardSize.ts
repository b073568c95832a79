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
