import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { comparePublished, type FigureChange } from './comparePublished.js';
import type { TableTrail } from './drawnTrail.js';
import type { Correction } from './readCorrections.js';
import { CORRECTIONS_FILE } from './readCorrections.js';
import { PUBLISHED_FILE, type Published } from './readPublished.js';
import { rowKeys } from './rowKeys.js';

/** Whether a correction row speaks of this change of chart `name`. */
export function covers(correction: Correction, name: string, change: FigureChange): boolean {
  if (correction.chart && correction.chart !== name) return false;
  if (correction.table && correction.table !== change.table) return false;
  if (correction.row && (change.kind === 'digest' || correction.row !== change.key)) return false;
  return true;
}

/**
 * The corrections a chart shows, by date then line of corrections.csv:
 * those naming the chart, those naming a table it draws (and a row it
 * draws, when they name one), and those covering a change to its published
 * figures (a row it no longer draws).
 */
export function chartCorrections(
  name: string,
  corrections: Correction[],
  drawn: Array<{ table: string; keys: string[] }>,
  changes: FigureChange[],
): Correction[] {
  const draws = (c: Correction) => drawn.some((t) => t.table === c.table && (!c.row || t.keys.includes(c.row)));
  return corrections
    .filter((c) => c.chart === name || (!c.chart && draws(c)) || changes.some((change) => covers(c, name, change)))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
}

/**
 * A published chart (published.json) drawn again: every figure that differs
 * from what was published and no correction row covers is an error, at the
 * cell now holding it (or at the table for a row no longer drawn). Returns
 * the changes too, so the corrections covering them are shown.
 */
export function checkPublished(
  name: string,
  published: Published,
  trail: TableTrail[],
  corrections: Correction[],
  tables: ReadonlyMap<string, CitedTable>,
): { changes: FigureChange[]; diagnostics: Diagnostic[] } {
  const before = published.get(name);
  if (!before) return { changes: [], diagnostics: [] };
  const changes = comparePublished(before, trail);
  const diagnostics: Diagnostic[] = [];
  for (const change of changes) {
    if (corrections.some((c) => covers(c, name, change))) continue;
    const message = messages.trail.uncorrected(name, describeFigure(change), PUBLISHED_FILE, CORRECTIONS_FILE);
    diagnostics.push({ ...where(change, tables), severity: 'error', message });
  }
  return { changes, diagnostics };
}

function describeFigure(change: FigureChange): string {
  switch (change.kind) {
    case 'changed':
      return messages.trail.figureChanged(change.table, change.key, change.column, change.old, change.now);
    case 'removed':
      return messages.trail.figureRemoved(change.table, change.key);
    case 'added':
      return messages.trail.figureAdded(change.table, change.key);
    case 'digest':
      return messages.trail.figuresChanged(change.table);
  }
}

/** The cell of a changed figure, the row of an added one, the table of a removed one. */
function where(change: FigureChange, tables: ReadonlyMap<string, CitedTable>): Pick<Diagnostic, 'file' | 'line' | 'column'> {
  const table = tables.get(change.table);
  if (!table || change.kind === 'removed' || change.kind === 'digest') return { file: change.table };
  const index = rowKeys(table).indexOf(change.key);
  const row = table.rows[index];
  if (!row) return { file: change.table };
  const at = change.kind === 'changed' ? row.positions[change.column] : undefined;
  return at ? { file: change.table, line: at.line, column: at.column } : { file: change.table, line: row.line };
}
