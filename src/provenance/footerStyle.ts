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

/** A Vega-Lite config's `style[name]` ({} when absent or not an object). */
export function namedStyle(config: Json | undefined, name: string): Json {
  const styles = config?.style;
  if (!styles || typeof styles !== 'object' || Array.isArray(styles)) return {};
  const own = Object.prototype.hasOwnProperty.call(styles, name) ? (styles as Json)[name] : undefined;
  return own && typeof own === 'object' && !Array.isArray(own) ? (own as Json) : {};
}

const positive = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);
