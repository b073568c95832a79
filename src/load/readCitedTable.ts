import {
  CITATION_COLUMNS,
  type CitedRow,
  type CitedTable,
  type ColumnType,
  type Diagnostic,
  type Source,
} from '../model.js';
import { sortDiagnostics } from '../errors.js';
import * as messages from '../messages.js';
import { readCsv } from './readCsv.js';
import { readSchemaSidecar } from './readSchemaSidecar.js';
import { resolveSourceIds } from './resolveSourceIds.js';
import { cellValue, inferColumnType } from './typeColumns.js';

const isCitationColumn = (name: string) => (CITATION_COLUMNS as readonly string[]).includes(name);

/**
 * Reads a table of figures (`file` is project-relative, e.g. `data/share.csv`):
 * value columns typed, each row's citation split out and checked against
 * sources.csv. The table is returned even when rows have errors, so a caller
 * can report every problem at once; it is undefined only when the file cannot
 * be read at all.
 */
export async function readCitedTable(
  cwd: string,
  file: string,
  sources: Map<string, Source>,
): Promise<{ table?: CitedTable; diagnostics: Diagnostic[] }> {
  const { csv, diagnostics } = await readCsv(cwd, file);
  if (!csv) return { diagnostics };
  const sidecar = await readSchemaSidecar(cwd, file);
  diagnostics.push(...sidecar.diagnostics);

  const index = new Map(csv.columns.map((c) => [c.name, c.index]));
  const valueColumns = csv.columns.filter((c) => !isCitationColumn(c.name));
  const types: Record<string, ColumnType> = {};
  for (const { name, index: i } of valueColumns) {
    types[name] = sidecar.declared?.get(name) ?? inferColumnType(csv.rows.map((row) => row.cells[i]!));
  }

  const sourceIndex = index.get('source');
  if (sourceIndex === undefined) {
    diagnostics.push({ file, line: csv.headerLine, severity: 'error', message: messages.load.missingSourceColumn() });
  }
  const citation = (cells: { text: string }[], name: string) => {
    const i = index.get(name);
    return i === undefined ? '' : cells[i]!.text;
  };

  const rows = csv.rows.map((row, rowIndex): CitedRow => {
    const values: CitedRow['values'] = {};
    const positions: CitedRow['positions'] = {};
    for (const { name, index: i } of valueColumns) {
      const cell = row.cells[i]!;
      values[name] = cellValue(file, name, types[name]!, cell, diagnostics);
      positions[name] = { line: cell.line, column: cell.column };
    }
    return {
      index: rowIndex,
      line: row.line,
      values,
      positions,
      sources:
        sourceIndex === undefined ? [] : resolveSourceIds(file, row.cells[sourceIndex]!, sources, diagnostics),
      quote: citation(row.cells, 'quote'),
      note: citation(row.cells, 'note'),
      derived: citation(row.cells, 'derived'),
    };
  });

  const table: CitedTable = { file, columns: valueColumns.map((c) => c.name), types, rows };
  return { table, diagnostics: sortDiagnostics(diagnostics) };
}
