import { color } from 'd3';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { namedStyle } from '../compile/namedStyles.js';

type Json = Record<string, unknown>;

/** How annotations are drawn: the note text (px, weight, colour), the highlight and muted colours, the band's fill and opacity. */
export interface AnnotationStyle {
  text: { fontSize: number; fontWeight: string | number; color: string };
  highlight: string;
  muted: string;
  /** Muted text marks (a series' direct label): darker than muted shapes, so it still reads (4.5:1 on white). */
  mutedText: string;
  band: { fill: string; opacity: number };
}

/** The named styles a theme (or a spec's `config.style`) sets annotations with; Vega-Lite ignores styles no mark names, so the theme stays valid. */
export const STYLE_NAMES = { text: 'citechart-annotation', highlight: 'citechart-highlight', muted: 'citechart-muted', band: 'citechart-band' } as const;

/**
 * citechart's defaults: notes in 12 px (over the small-text rule's 11 px)
 * dark grey; highlighted marks in the house blue, the rest in a grey that
 * still reads on white (2:1, enough for a shape, not for text); a band as a
 * 6 % black tint that leaves gridlines visible. Muted text (a series'
 * direct label) in a darker grey than muted shapes: 4.5:1 on white.
 */
export const DEFAULT_ANNOTATION_STYLE: AnnotationStyle = {
  text: { fontSize: 12, fontWeight: 'normal', color: '#333333' },
  highlight: '#0f5499',
  muted: '#b3b3b3',
  mutedText: '#767676',
  band: { fill: '#000000', opacity: 0.06 },
};

/**
 * The annotation style from `config.style` of the theme and the spec (the
 * spec's wins, property by property): `citechart-annotation` (`fontSize`,
 * `fontWeight`, `color`), `citechart-highlight` and `citechart-muted`
 * (`color`; the muted style's `textColor` for text marks), `citechart-band` (`fill` or `color`, `opacity` 0–1). Values
 * of the wrong type are left at their defaults here (annotationStyleProblems reports them).
 */
export function readAnnotationStyle(theme: Json | undefined, specConfig: Json | undefined): AnnotationStyle {
  const style = (name: string) => ({ ...namedStyle(theme, name), ...namedStyle(specConfig, name) });
  const text = style(STYLE_NAMES.text);
  const band = style(STYLE_NAMES.band);
  const d = DEFAULT_ANNOTATION_STYLE;
  return {
    text: {
      fontSize: positive(text.fontSize) ?? d.text.fontSize,
      fontWeight: typeof text.fontWeight === 'string' || typeof text.fontWeight === 'number' ? text.fontWeight : d.text.fontWeight,
      color: colour(text.color) ?? colour(text.fill) ?? d.text.color,
    },
    highlight: colourOf(style(STYLE_NAMES.highlight)) ?? d.highlight,
    muted: colourOf(style(STYLE_NAMES.muted)) ?? d.muted,
    mutedText: colour(style(STYLE_NAMES.muted).textColor) ?? d.mutedText,
    band: { fill: colour(band.fill) ?? colour(band.color) ?? d.band.fill, opacity: unit(band.opacity) ?? d.band.opacity },
  };
}

const colourOf = (style: Json) => colour(style.color) ?? colour(style.fill);
const colour = (value: unknown) => (typeof value === 'string' && color(value) ? value : undefined);
const positive = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined);
const unit = (value: unknown) => (typeof value === 'number' && value >= 0 && value <= 1 ? value : undefined);

/** Errors for annotation styles in a config at `base` (`[]` in the theme, `['config']` in a spec): a size that is no positive number, a colour that is no CSS colour. */
export function annotationStyleProblems(config: unknown, base: (string | number)[], diagnostic: (path: (string | number)[], message: string) => Diagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const json = config && typeof config === 'object' ? (config as Json) : undefined;
  for (const name of Object.values(STYLE_NAMES)) {
    const style = namedStyle(json, name);
    const at = (key: string) => [...base, 'style', name, key];
    const shown = (value: unknown) => JSON.stringify(value) ?? String(value);
    if (style.fontSize !== undefined && positive(style.fontSize) === undefined) problems.push(diagnostic(at('fontSize'), messages.annotate.styleSize(name, 'fontSize', shown(style.fontSize))));
    for (const key of ['color', 'fill', 'textColor']) {
      if (style[key] !== undefined && colour(style[key]) === undefined) problems.push(diagnostic(at(key), messages.annotate.styleColour(name, key, shown(style[key]))));
    }
  }
  return problems;
}
