import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { scaleOf, type PlottedChannel } from './plottedChannels.js';

/**
 * Values ≤ 0 on a log scale: log(0) is −∞, so Vega pins the mark to the
 * edge and the axis loses its labels (its only word is an unlocated "Log
 * scale domain includes zero"). An error at each such cell of the CSV.
 */
export function checkLogScale(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    if (scaleOf(c.def)?.type !== 'log' || !c.cells || !c.table) continue;
    for (const cell of c.cells) {
      if (typeof cell.value !== 'number' || cell.value > 0) continue;
      found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'error', rule: 'log-scale', message: messages.checks.logNotPositive(cell.value, c.field, c.channel) });
    }
  }
  return found;
}
