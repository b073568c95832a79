import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { JsonFile } from './readJsonFile.js';
import { MAX_ARTBOARD_WIDTH, MIN_ARTBOARD_WIDTH } from './usermetaSchema.js';
import { namedStylesWithPrefix } from './namedStyles.js';

// The house's default artboards live in the theme, which must stay a valid
// Vega-Lite config (its schema allows no key of citechart's own): each is a
// named style, `config.style["citechart-artboard-phone"] = {"width": 320}`,
// whose `width` (a mark config property, so valid) is the artboard's width.

/** The prefix of the style names that declare an artboard. */
export const ARTBOARD_STYLE_PREFIX = 'citechart-artboard';

type Json = Record<string, unknown>;

/** A phone and a desktop column (px): the artboards `new` gives a chart when the theme names none. */
export const PHONE_AND_COLUMN = [320, 640];

/**
 * The theme's artboard widths (px), ascending, each once; [] when it sets
 * none. Styles with a width out of range are skipped here (reported by
 * `themeArtboardProblems`).
 */
export function themeArtboards(theme: Json | undefined): number[] {
  const widths = new Set<number>();
  for (const [, width] of artboardStyles(theme)) if (isArtboardWidth(width)) widths.add(width);
  return [...widths].sort((a, b) => a - b);
}

/**
 * Errors, at the theme's `style.NAME.width`, for an artboard style whose
 * width is not a whole number of px from MIN_ARTBOARD_WIDTH to MAX_ARTBOARD_WIDTH.
 */
export function themeArtboardProblems(theme: JsonFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const [name, width] of artboardStyles(theme.value as Json)) {
    if (!isArtboardWidth(width)) {
      problems.push(theme.diagnostic(['style', name, 'width'], messages.spec.themeArtboardWidth(name, JSON.stringify(width) ?? 'nothing', MIN_ARTBOARD_WIDTH, MAX_ARTBOARD_WIDTH)));
    }
  }
  return problems;
}

function* artboardStyles(theme: Json | undefined): Generator<[string, unknown]> {
  for (const [name, style] of namedStylesWithPrefix(theme, ARTBOARD_STYLE_PREFIX)) yield [name, style.width];
}

const isArtboardWidth = (width: unknown): width is number =>
  typeof width === 'number' && Number.isInteger(width) && width >= MIN_ARTBOARD_WIDTH && width <= MAX_ARTBOARD_WIDTH;
