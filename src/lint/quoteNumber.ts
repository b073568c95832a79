import { readCsv } from '../load/readCsv.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { matchesNumber, numbersInText, type NumberMarks } from './numbersInText.js';
import { isKnownLocale, readLocale } from '../locale/readLocale.js';
import type { CitedRow, CitedTable, Source } from '../model.js';

const figuresIn = (quote: string, marks: NumberMarks) => numbersInText(quote, marks).filter((n) => !n.year);

/**
 * The language a row's quote is written in: the `language` of the first of
 * its sources that has one (a quote is verbatim from its source), else the
 * `locale` of a chart that draws the table, else English.
 */
function quoteLocale(row: CitedRow, table: CitedTable, sources: Map<string, Source>, chartTags: Map<string, string>) {
  const language = row.sources.map((id) => sources.get(id)?.language ?? '').find((tag) => tag && isKnownLocale(tag));
  const tag = language ?? chartTags.get(table.file);
  return tag ? readLocale(tag) : undefined;
}

/**
 * A figure should be the number its quote states: the quote says 90% but the
 * cell says 80 is a typo or a stale value. Only digits are compared ("nine in
 * ten" is left alone); a quote matches when any of its numbers is any number
 * cell of the row, to the quote's precision (90% ≈ 89.7, 1.2 million ≈
 * 1,234,000; 90% also matches 0.9; a cell of -5 matches "fell 5%").
 * Bare years ("in 2023") are dates, not figures: they are never compared,
 * so a year cell cannot hide a wrong figure and a year alone is no mismatch.
 * Rows without number cells are skipped. Numbers are read with the
 * decimal mark and thousands separator of the quote's language (quoteLocale):
 * "Le taux est de 12,9 %" says 12.9; the message writes them back the same way.
 */
export const quoteNumber: LintRule = {
  id: 'quote-number',
  summary: "a quote whose numbers match none of its row's number cells",
  async check({ cwd, tables, sources, charts }) {
    const found: Diagnostic[] = [];
    const chartTags = new Map<string, string>();
    for (const chart of charts) {
      const tag = chart.spec.settings.locale;
      if (tag) for (const file of chart.tables.keys()) if (!chartTags.has(file)) chartTags.set(file, tag);
    }
    const marksOf = (row: CitedRow, table: CitedTable): NumberMarks => quoteLocale(row, table, sources, chartTags) ?? { decimal: '.', thousands: ',' };
    for (const table of tables.values()) {
      const suspects = table.rows.filter((row) => {
        const written = figuresIn(row.quote, marksOf(row, table));
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
        const marks = marksOf(row, table);
        const written = (value: number) => String(value).replace('.', marks.decimal);
        const cells = table.columns.filter((c) => typeof row.values[c] === 'number').map((c) => `${c} ${written(row.values[c] as number)}`);
        found.push({
          file: table.file,
          line: cell?.line ?? row.line,
          ...(cell ? { column: cell.column } : {}),
          severity: 'warning',
          message: messages.lint.quoteNumber(figuresIn(row.quote, marks).map((n) => n.text), cells),
        });
      }
    }
    return found;
  },
};
