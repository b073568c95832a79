import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

const GROUPING = ['color', 'fill', 'stroke', 'detail', 'opacity'];

/**
 * Stacks that mislead:
 * - `"stack": "normalize"` with a negative value: Vega-Lite stacks negatives
 *   below zero and then divides by the sum, so a debt is drawn as a positive
 *   share and the other parts' shares no longer match their amounts. An
 *   error at each negative cell.
 * - stacked areas whose values have mixed signs: the areas fold over each
 *   other and the top line is no total. A warning at the first negative cell.
 * Stacking follows Vega-Lite's rule for bar and area marks: explicit `stack`,
 * or a quantitative x or y split by a colour, detail or opacity field.
 */
export function checkStackSigns(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    if ((c.channel !== 'x' && c.channel !== 'y') || c.def.type !== 'quantitative' || !c.cells || !c.table) continue;
    const negatives = c.cells.filter((cell) => typeof cell.value === 'number' && cell.value < 0);
    if (!negatives.length) continue;
    const file = c.table.file;
    if (c.def.stack === 'normalize') {
      for (const cell of negatives) {
        found.push({ file, line: cell.line, column: cell.column, severity: 'error', rule: 'stack-signs', message: messages.checks.normalizeNegative(cell.value as number, c.field) });
      }
      continue;
    }
    const split = GROUPING.some((g) => typeof c.view.encoding[g]?.def.field === 'string');
    const stacked = c.def.stack === undefined ? split : c.def.stack !== null && c.def.stack !== false;
    const positive = c.cells.some((cell) => typeof cell.value === 'number' && cell.value > 0);
    if (c.view.mark === 'area' && stacked && positive) {
      const first = negatives[0]!;
      found.push({ file, line: first.line, column: first.column, severity: 'warning', rule: 'stack-signs', message: messages.checks.mixedSignArea(first.value as number, c.field) });
    }
  }
  return found;
}
