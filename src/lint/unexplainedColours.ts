import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { unitViews } from './unitViews.js';
import { isRecord } from '../isRecord.js';


/**
 * Words that name a colour, in the languages citechart writes (English and
 * French; the lint reads the original spec, but a French project writes
 * French titles). "dark grey" counts as grey: it is one colour named.
 */
const COLOUR_WORDS = [
  ['red', 'rouge'], ['blue', 'bleu'], ['grey', 'gray', 'gris'], ['green', 'vert'], ['orange'], ['yellow', 'jaune'],
  ['purple', 'violet'], ['pink', 'rose'], ['brown', 'brun', 'marron'], ['black', 'noir'], ['teal', 'turquoise'],
];

/**
 * A map that colours its regions by a field with its legend switched off
 * (`"legend": null`) tells no reader what its colours mean unless its title
 * or subtitle names them (a Reuters/FT review, 2026: the example map's
 * subtitle named its red, but not its blue nor its dark grey). Flags such a
 * geoshape colour (or fill) encoding when the title and subtitle name fewer
 * colours (COLOUR_WORDS) than its scale's `range` has distinct ones (or,
 * with no range, fewer than two). At the `legend`.
 */
export const unexplainedColours: LintRule = {
  id: 'unexplained-colours',
  summary: 'a map whose colours have no legend and are not all named in its title or subtitle',
  check({ charts }) {
    const found: Diagnostic[] = [];
    for (const { spec } of charts) {
      const named = colourWordsIn(titleText(spec.vegaLite.title));
      for (const view of unitViews(spec.vegaLite)) {
        if (view.mark !== 'geoshape') continue;
        for (const channel of ['color', 'fill']) {
          const at = view.encoding[channel];
          if (!at || at.def.legend !== null || typeof at.def.field !== 'string') continue;
          const range = isRecord(at.def.scale) && Array.isArray(at.def.scale.range) ? new Set(at.def.scale.range.map(String)).size : 2;
          if (named < range) found.push(spec.json.diagnostic([...at.jsonPath, 'legend'], messages.lint.unexplainedColours(at.def.field, range, named), 'warning'));
        }
      }
    }
    return found;
  },
};

/** The text of a spec's title and subtitle, one string. */
function titleText(title: unknown): string {
  const lines = (value: unknown): string => (Array.isArray(value) ? value.map(String).join(' ') : typeof value === 'string' ? value : '');
  if (isRecord(title)) return `${lines(title.text)} ${lines(title.subtitle)}`;
  return lines(title);
}

/** How many distinct colours a text names. */
function colourWordsIn(text: string): number {
  const words = new Set(text.toLowerCase().split(/[^\p{L}]+/u));
  return COLOUR_WORDS.filter((names) => names.some((name) => words.has(name))).length;
}
