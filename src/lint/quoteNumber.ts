import { readCsv } from '../load/readCsv.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { matchesNumber, numbersInText } from './numbersInText.js';

const figuresIn = (quote: string) => numbersInText(quote).filter((n) => !n.year);

/**
 * A figure should be the number its quote states: the quote says 90% but the
 * cell says 80 is a typo or a stale value. Only digits are compared ("nine in
 * ten" is left alone); a quote matches when any of its numbers is any number
 * cell of the row, to the quote's precision (90% ≈ 89.7, 1.2 million ≈
 * 1,234,000; 90% also matches 0.9; a cell of -5 matches "fell 5%").
 * Bare years ("in 2023") are dates, not figures: they are never compared,
 * so a year cell cannot hide a wrong figure and a year alone is no mismatch.
 * Rows without number cells are skipped.
 */
export const quoteNumber: LintRule = {
  id: 'quote-number',
  summary: "a quote whose numbers match none of its row's number cells",
  async check({ cwd, tables }) {
    const found: Diagnostic[] = [];
    for (const table of tables.values()) {
      const suspects = table.rows.filter((row) => {
        const written = figuresIn(row.quote);
        const cells = Object.values(row.values).filter((v): v is number => typeof v === 'number');
        return written.length && cells.length && !written.some((w) => cells.some((cell) => matchesNumber(w, cell)));
      });
      if (!suspects.length) continue;
      // The quote cell's position: citation cells are not among a row's value positions.
      const { csv } = await readCsv(cwd, table.file);
      const quoteIndex = csv?.columns.find((c) => c.name === 'quote')?.index;
      const csvRows = new Map(csv?.rows.map((r) => [r.line, r]));
      for (const row of suspects) {
        const cell = quoteIndex === undefined ? undefined : csvRows.get(row.line)?.cells[quoteIndex];
        const cells = table.columns.filter((c) => typeof row.values[c] === 'number').map((c) => `${c} ${row.values[c]}`);
        found.push({
          file: table.file,
          line: cell?.line ?? row.line,
          ...(cell ? { column: cell.column } : {}),
          severity: 'warning',
          message: messages.lint.quoteNumber(figuresIn(row.quote).map((n) => n.text), cells),
        });
      }
    }
    return found;
  },
};
