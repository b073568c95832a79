import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { CORRECTIONS_FILE, type Correction } from './readCorrections.js';

/**
 * Correction rows naming a chart no spec draws or a table not in data/:
 * a typo there would make the row cover nothing and show nowhere, silently.
 * Warnings (a correction of a deleted chart stays in the log), at the row's line.
 */
export function correctionTargets(corrections: Correction[], charts: string[], tables: string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const c of corrections) {
    if (c.chart && !charts.includes(c.chart)) diagnostics.push({ file: CORRECTIONS_FILE, line: c.line, severity: 'warning', message: messages.trail.correctionUnknownChart(c.chart) });
    if (c.table && !tables.includes(c.table)) diagnostics.push({ file: CORRECTIONS_FILE, line: c.line, severity: 'warning', message: messages.trail.correctionUnknownTable(c.table) });
  }
  return diagnostics;
}
