import { color } from 'd3';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';

/**
 * How the provenance footer is drawn: its type size and line height (px),
 * colour, and the gap (px) between the chart and its first line.
 */
export interface FooterStyle {
  fontSize: number;
  lineHeight: number;
  gap: number;
  color: string;
}

/** The style name a theme (or a spec's `config`) sets the footer with. */
export const FOOTER_STYLE_NAME = 'citechart-footer';

/**
 * citechart's defaults: 11 px type on 15 px lines, in a grey with 7:1
 * contrast on white (WCAG AAA for small text): quiet but readable.
 */
export const DEFAULT_FOOTER_STYLE: FooterStyle = { fontSize: 11, lineHeight: 15, gap: 10, color: '#595959' };

import { namedStyle } from '../compile/namedStyles.js';

type Json = Record<string, unknown>;

/**
 * The footer's style from Vega-Lite's own `config.style["citechart-footer"]`
 * (a mark config, so the theme stays valid Vega-Lite): `fontSize` (px),
 * `lineHeight` (px; default 15/11 of the size), `color` or `fill`, and the
 * `padding` (px) above the footer. The spec's `config` wins over the theme,
 * property by property. Values are checked by `footerStyleProblems`; here a
 * value of the wrong type is left at its default.
 */
export function readFooterStyle(theme: Json | undefined, specConfig: Json | undefined): FooterStyle {
  const set = { ...styleOf(theme), ...styleOf(specConfig) };
  const colourOf = (style: Json) => (typeof style.color === 'string' ? style.color : typeof style.fill === 'string' ? style.fill : undefined);
  const fontSize = positive(set.fontSize) ?? DEFAULT_FOOTER_STYLE.fontSize;
  const lineHeight = positive(set.lineHeight) ?? Math.round((fontSize * DEFAULT_FOOTER_STYLE.lineHeight) / DEFAULT_FOOTER_STYLE.fontSize);
  // `color` and `fill` are one setting: the spec's either beats the theme's either.
  const colour = colourOf(styleOf(specConfig)) ?? colourOf(styleOf(theme)) ?? DEFAULT_FOOTER_STYLE.color;
  const gap = positive(set.padding) ?? DEFAULT_FOOTER_STYLE.gap;
  return { fontSize, lineHeight: Math.max(lineHeight, fontSize), gap, color: colour };
}

const styleOf = (config: Json | undefined) => namedStyle(config, FOOTER_STYLE_NAME);

const positive = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);

/** The footer properties that are sizes in px, and whether 0 is allowed. */
const SIZES: Array<[string, boolean]> = [['fontSize', false], ['lineHeight', false], ['padding', true]];

/**
 * Errors for a footer style (`config.style["citechart-footer"]` at `base`,
 * e.g. `[]` in the theme or `['config']` in a spec) whose size is not a
 * positive number of px (padding may be 0) or whose colour is not a CSS
 * colour, each at its property. `diagnostic` places one (a JsonFile's).
 */
export function footerStyleProblems(config: unknown, base: (string | number)[], diagnostic: (path: (string | number)[], message: string) => Diagnostic): Diagnostic[] {
  const style = namedStyle(config && typeof config === 'object' ? (config as Json) : undefined, FOOTER_STYLE_NAME);
  const at = (key: string) => [...base, 'style', FOOTER_STYLE_NAME, key];
  const problems: Diagnostic[] = [];
  for (const [key, zero] of SIZES) {
    const value = style[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!zero && value === 0)) {
      problems.push(diagnostic(at(key), messages.spec.footerStyleSize(key, JSON.stringify(value) ?? String(value), zero)));
    }
  }
  for (const key of ['color', 'fill']) {
    const value = style[key];
    if (value !== undefined && (typeof value !== 'string' || !color(value))) problems.push(diagnostic(at(key), messages.spec.footerStyleColour(key, JSON.stringify(value) ?? String(value))));
  }
  return problems;
}
