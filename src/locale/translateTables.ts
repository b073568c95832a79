import type { CellValue, CitedRow, CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { Translation } from './readTranslation.js';

/**
 * The tables of a translated edition: each text cell of a value column
 * replaced by its translation in `values`, each row's note and `derived`
 * explanation by theirs in `strings`. Numbers, sources and quotes (verbatim
 * from their source) are kept as they are: figures are never copied.
 * Every text left untranslated is an error at its cell (a note and a
 * `derived` too), since the edition would show it in English. `used` gains
 * each key applied.
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
