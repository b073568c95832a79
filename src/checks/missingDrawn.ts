import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

// Vega-Lite's `invalid` modes that draw a missing value rather than leave a
// gap: null (Vega-Lite 5's "draw as is") and "show" (Vega-Lite 6), which
// put a null at the scale's zero or its edge. "filter" and the
// "break-paths-*" modes leave the value out.
const DRAWS_MISSING = (mode: unknown) => mode === null || mode === 'show';
const POSITIONS = new Set(['x', 'y', 'x2', 'y2', 'theta', 'radius']);
// Marks that draw one shape per row and nothing where the value is missing (a line or area shows a gap instead).
const LEFT_OUT = new Set(['bar', 'arc', 'point', 'circle', 'square', 'tick', 'rect']);

/**
 * Empty cells that a mark draws as if they held zero: the line falls to 0 %
 * while the table (and the alt text) say "no value". A warning at each
 * empty cell of a quantitative position channel whose mark sets `invalid`
 * to null or "show", directly or through the spec's or theme's `config`
 * (`config.mark.invalid`, `config.line.invalid`…). Without any `invalid`
 * setting, an empty cell of a bar, pie, point or tick chart is a warning
 * too: Vega-Lite's default filters the row out, its category label with
 * it, so the chart shows no trace of a row the table holds.
 */
export function checkMissingDrawn(channels: PlottedChannel[], config: Record<string, unknown>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const c of channels) {
    if (!POSITIONS.has(c.channel) || c.def.type !== 'quantitative' || !c.cells || !c.table) continue;
    const mode = invalidMode(c.view.markDef, c.view.mark, config);
    // Left out without a trace: with Vega-Lite's default, a bar, slice or point of an empty cell is filtered, its category label with it.
    const vanishes = !mode.draws && mode.shown === '' && LEFT_OUT.has(c.view.mark);
    if (!mode.draws && !vanishes) continue;
    for (const cell of c.cells) {
      const key = `${c.table.file}:${cell.line}:${cell.column}`;
      if (cell.value !== null || seen.has(key)) continue;
      seen.add(key);
      const message = vanishes ? messages.checks.missingLeftOut(c.field, c.view.mark) : messages.checks.missingDrawn(c.field, c.channel, mode.shown);
      found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'warning', rule: 'missing-drawn', message });
    }
  }
  return found;
}

function invalidMode(markDef: Record<string, unknown> | undefined, mark: string, config: Record<string, unknown>): { draws: boolean; shown: string } {
  const layers = [markDef, config[mark], config.mark];
  for (const layer of layers) {
    if (layer && typeof layer === 'object' && 'invalid' in layer) {
      const mode = (layer as Record<string, unknown>).invalid;
      return { draws: DRAWS_MISSING(mode), shown: JSON.stringify(mode) };
    }
  }
  return { draws: false, shown: '' };
}
