import type { CellValue, CitedRow, CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { Translation } from './readTranslation.js';

/**
 * The tables of a translated edition: each text cell of a value column
 * replaced by its translation in `values`, each row's note and `derived`
 * explanation by theirs in `strings`. Numbers, sources and quotes (verbatim
 * from their source) are kept as they are: figures are never copied.
 * Every text left untranslated is an error at its cell (a note and a
 * `derived` too), since the edition would show it in English, except text
 * with no words in it (needsWords). `used` gains each key applied.
 */
export function translateTables(
  tables: Map<string, CitedTable>,
  translation: Translation,
  language: string,
  used: Set<string>,
): { tables: Map<string, CitedTable>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const out = new Map<string, CitedTable>();
  for (const [file, table] of tables) {
    const rows = table.rows.map((row): CitedRow => {
      const values = Object.create(null) as Record<string, CellValue>;
      for (const column of table.columns) {
        const cell = row.values[column] ?? null;
        if (typeof cell !== 'string' || !cell.trim()) {
          values[column] = cell;
          continue;
        }
        const translated = translation.values.get(cell);
        if (translated === undefined && !needsWords(cell)) {
          values[column] = cell;
          continue;
        }
        if (translated === undefined) {
          const at = row.positions[column];
          diagnostics.push({ file, line: at?.line ?? row.line, ...(at && { column: at.column }), severity: 'error', message: messages.locale.untranslated(cell, language, translation.file) });
        } else used.add(cell);
        values[column] = translated ?? cell;
      }
      const text = (english: string, name: 'note' | 'derived') => {
        if (!english.trim()) return english;
        const translated = translation.strings.get(english);
        if (translated === undefined) {
          // At its cell; a row built by hand (no positions) at its line.
          const at = row.textPositions?.[name];
          diagnostics.push({ file, line: at?.line ?? row.line, ...(at && { column: at.column }), severity: 'error', message: messages.locale.untranslated(english, language, translation.file) });
          return english;
        }
        used.add(english);
        return translated;
      };
      return { ...row, values, note: text(row.note, 'note'), derived: text(row.derived, 'derived') };
    });
    out.set(file, { ...table, rows });
  }
  return { tables: out, diagnostics };
}

// An ISO 8601 date or date-time as a CSV writes it (2023, 2023-01, 2023-01-15, 2023-01-15T12:00Z).
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * Whether a text cell holds words a reader of another language needs
 * translated: not an ISO date (a time axis writes it in the edition's
 * language; the cell itself is the same in every language) nor text without
 * a letter (codes such as "01", "A-12" has one and is asked for). Such cells
 * are kept as written unless `values` maps them.
 */
function needsWords(cell: string): boolean {
  const text = cell.trim();
  return !ISO_DATE.test(text) && /\p{L}/u.test(text);
}
