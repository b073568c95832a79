import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { namedStyle } from '../compile/namedStyles.js';

/**
 * How a row's note is marked on the graphic: `digits` (¹ ², matching the
 * footer's "1." "2."), `asterisks` (* † ‡ § ‖ ¶, then ** †† …, the footer
 * then numbers its notes with the same signs) or `none` (no markers; the
 * footer as before).
 */
export type MarkerSymbols = 'digits' | 'asterisks' | 'none';

/** The style name a theme (or a spec's `config`) sets the markers with. */
export const MARKER_STYLE_NAME = 'citechart-note-marker';

const SYMBOLS: readonly MarkerSymbols[] = ['digits', 'asterisks', 'none'];

type Json = Record<string, unknown>;

/**
 * The marker symbols from Vega-Lite's own `config.style["citechart-note-marker"]`
 * (`{"symbols": "digits" | "asterisks" | "none"}`), the spec's `config`
 * winning over the theme's; `digits` by default. A value that is not one of
 * these is left at the default here and reported by `markerStyleProblems`.
 */
export function readMarkerSymbols(theme: Json | undefined, specConfig: Json | undefined): MarkerSymbols {
  for (const config of [specConfig, theme]) {
    const value = namedStyle(config, MARKER_STYLE_NAME).symbols;
    if (SYMBOLS.includes(value as MarkerSymbols)) return value as MarkerSymbols;
  }
  return 'digits';
}

/** An error at `symbols` of a marker style (at `base`: `[]` in the theme, `['config']` in a spec) that is not one of the three. */
export function markerStyleProblems(config: unknown, base: (string | number)[], diagnostic: (path: (string | number)[], message: string) => Diagnostic): Diagnostic[] {
  const style = namedStyle(config && typeof config === 'object' ? (config as Json) : undefined, MARKER_STYLE_NAME);
  const value = style.symbols;
  if (value === undefined || SYMBOLS.includes(value as MarkerSymbols)) return [];
  return [diagnostic([...base, 'style', MARKER_STYLE_NAME, 'symbols'], messages.spec.markerSymbols(JSON.stringify(value) ?? String(value), SYMBOLS))];
}
