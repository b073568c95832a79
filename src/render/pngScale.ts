// The PNG's pixel density: `--scale N`, else the theme's, else 2×. The
// theme must stay a valid Vega-Lite config (no key of citechart's own), so
// its default is a named style whose `size` (a mark property, so valid) is
// the scale: `config.style["citechart-png-scale"] = {"size": 3}`.
import { styleSetting } from '../compile/namedStyles.js';

/** The style naming the theme's PNG scale. */
export const SCALE_STYLE = 'citechart-png-scale';

/**
 * PNG px per CSS px allowed: from a half-size preview to 8× (768 dpi for a
 * graphic laid out at 96 px per inch); sharp's own limits (PNG_PIXEL_LIMIT,
 * PNG_MAX_SIDE) still apply to the result.
 */
export const PNG_SCALE_LIMITS = { min: 0.5, max: 8 };

/** Whether `value` is a scale citechart draws at: a finite number within PNG_SCALE_LIMITS. */
export const isScale = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= PNG_SCALE_LIMITS.min && value <= PNG_SCALE_LIMITS.max;

/**
 * `--scale`'s text as a number, or undefined when it is not a plain decimal
 * (`2`, `1.5`, `3.0`) within PNG_SCALE_LIMITS: `0`, `-1`, `x`, `1e1`, `9`, ` 2` are refused, as --jobs refuses what is not written as a number.
 */
export function parseScale(text: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const scale = Number(text);
  return isScale(scale) ? scale : undefined;
}

/** The theme's PNG scale (`style["citechart-png-scale"].size`), or undefined when it sets none or one out of range (themeScaleProblem reports it). */
export const themeScale = (theme: Record<string, unknown> | undefined): number | undefined => styleSetting(theme, SCALE_STYLE, 'size', isScale).value;

/** The theme's scale setting when it is there but not a scale citechart draws at; undefined when fine or absent. */
export const badThemeScale = (theme: Record<string, unknown> | undefined): { found: unknown } | undefined => styleSetting(theme, SCALE_STYLE, 'size', isScale).bad;
