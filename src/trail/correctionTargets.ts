import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { CORRECTIONS_FILE, type Correction } from './readCorrections.js';

/**
 * Correction rows naming a chart no spec draws or a table not in data/:
 * a typo there would make the row cover nothing and show nowhere, silently.
 * Warnings (a correction of a deleted chart stays in the log), at the cell.
 */
export function correctionTargets(corrections: Correction[], charts: string[], tables: string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const c of corrections) {
    // At the cell; a correction built by hand (no positions) at its line.
    const warn = (name: 'chart' | 'table', message: string) => {
      const at = c.at?.[name];
      diagnostics.push({ file: CORRECTIONS_FILE, line: at?.line ?? c.line, ...(at && { column: at.column }), severity: 'warning', message });
    };
    if (c.chart && !charts.includes(c.chart)) warn('chart', messages.trail.correctionUnknownChart(c.chart));
    if (c.table && !tables.includes(c.table)) warn('table', messages.trail.correctionUnknownTable(c.table));
  }
  return diagnostics;
}
