import {
  CITATION_COLUMNS,
  type CellPosition,
  type CellValue,
  type CitedRow,
  type CitedTable,
  type ColumnInfo,
  type ColumnType,
  type Diagnostic,
  type Source,
} from '../model.js';
import { hasErrors, sortDiagnostics } from '../errors.js';
import * as messages from '../messages.js';
import { figureReader, looksLikeFormula } from './parseFigure.js';
import { readCsv } from './readCsv.js';
import { readSchemaSidecar, sidecarPath } from './readSchemaSidecar.js';
import { resolveSourceIds } from './resolveSourceIds.js';
import { figuresOf, fileDecimalMark, readColumn, type ColumnContext } from './typeColumns.js';
import { pushAll } from '../pushAll.js';
import { duplicateKeys } from '../trail/rowKeys.js';

const isCitationColumn = (name: string) => (CITATION_COLUMNS as readonly string[]).includes(name);

/**
 * Reads a table of figures (`file` is project-relative, e.g. `data/share.csv`):
 * value columns typed (by the sidecar `data/NAME.schema.json` where it
 * declares them), each row's citation split out and checked against
 * sources.csv. The table is returned even when rows have errors, so a caller
 * can report every problem at once; it is undefined only when the file cannot
 * be read at all.
 */
export async function readCitedTable(
  cwd: string,
  file: string,
  sources: Map<string, Source>,
): Promise<{ table?: CitedTable; diagnostics: Diagnostic[] }> {
  // The sidecar first: it may say how the CSV was saved (encoding, separator).
  const sidecar = await readSchemaSidecar(cwd, file);
  const schema = sidecar.schema;
  const { csv, diagnostics } = await readCsv(cwd, file, {
    delimiter: schema?.dialect?.delimiter,
    encoding: schema?.encoding,
  });
  pushAll(diagnostics, sidecar.diagnostics);
  if (!csv) return { diagnostics: sortDiagnostics(diagnostics) };

  const index = new Map(csv.columns.map((c) => [c.name, c.index]));
  const fields = new Map(schema?.fields.map((field) => [field.name, field]));
  schema?.fields.forEach((field, i) => {
    if (!index.has(field.name)) {
      diagnostics.push(sidecar.json!.diagnostic(['fields', i, 'name'], messages.load.schemaFieldMissing(field.name, file)));
    }
  });

  const context: ColumnContext = {
    file,
    schemaFile: sidecarPath(file),
    missingValues: new Set(schema?.missingValues ?? ['']),
    diagnostics,
    delimiter: csv.delimiter,
  };
  const valueColumns = csv.columns.filter((c) => !isCitationColumn(c.name));
  // Each column's cells and their figures, read once for the file's decimal mark, the column's type and its values.
  const readFigure = figureReader();
  const columnCells = valueColumns.map(({ index: i }) => csv.rows.map((row) => row.cells[i]!));
  const columnFigures = columnCells.map((cells) => figuresOf(cells, readFigure));
  const decimalMark = fileDecimalMark(columnCells, columnFigures);
  if (decimalMark) context.decimalMark = decimalMark;
  // Keyed by column names, which are the user's: null-prototype objects, so a
  // column named "constructor" or "__proto__" is an entry like any other and
  // an absent one is undefined, not an inherited function.
  const types: Record<string, ColumnType> = Object.create(null);
  const columnInfo: Record<string, ColumnInfo> = Object.create(null);
  const columnValues = new Map<string, CellValue[]>();
  for (const [c, { name }] of valueColumns.entries()) {
    const { values, info } = readColumn(context, name, columnCells[c]!, fields.get(name), columnFigures[c]);
    types[name] = info.type;
    columnInfo[name] = info;
    columnValues.set(name, values);
  }

  const sourceIndex = index.get('source');
  if (sourceIndex === undefined) {
    // `Source` or ` source `, as a spreadsheet's header may be written: named, so the fix is plain.
    const near = csv.columns.find((c) => c.name.trim().toLowerCase() === 'source');
    const message = near ? messages.load.sourceColumnMisnamed(near.name) : messages.load.missingSourceColumn();
    diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'error', message });
  }
  // `notes` or `Quote`, as a spreadsheet's header may be written, would be a column of figures: its notes silently left out of the footer.
  for (const name of ['quote', 'note', 'derived']) {
    if (index.has(name)) continue;
    const near = csv.columns.find((c) => [name, `${name}s`].includes(c.name.trim().toLowerCase()));
    if (near) diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'error', message: messages.load.citationColumnMisnamed(near.name, name) });
  }
  const citation = (cells: { text: string; line: number; column: number }[], name: string) => {
    const i = index.get(name);
    if (i === undefined) return '';
    const cell = cells[i]!;
    if (looksLikeFormula(cell.text)) {
      diagnostics.push({ file, line: cell.line, column: cell.column, severity: 'warning', message: messages.load.formulaText(cell.text.trim()) });
    }
    return cell.text;
  };

  const rows = csv.rows.map((row, rowIndex): CitedRow => {
    const values: CitedRow['values'] = Object.create(null);
    const positions: CitedRow['positions'] = Object.create(null);
    for (const { name, index: i } of valueColumns) {
      const cell = row.cells[i]!;
      values[name] = columnValues.get(name)![rowIndex]!;
      positions[name] = { line: cell.line, column: cell.column };
    }
    const cited: CitedRow = {
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
    // Only cells with text: an edition's message about a note points at it (translateTables).
    for (const name of ['note', 'derived'] as const) {
      const i = index.get(name);
      const cell = i === undefined ? undefined : row.cells[i]!;
      if (cell && cell.text.trim()) (cited.textPositions ??= {})[name] = { line: cell.line, column: cell.column };
    }
    return cited;
  });

  // Said at the table: otherwise its chart's only error was "check its filters and field names".
  // Not when rows were left out for their errors (a quote never closed swallows the rest of the file).
  if (!rows.length && !hasErrors(diagnostics)) diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'warning', message: messages.load.headerOnly() });
  const headerPositions: Record<string, CellPosition> = Object.create(null);
  for (const { name, line, column } of valueColumns) headerPositions[name] = { line, column };
  const table: CitedTable = { file, columns: valueColumns.map((c) => c.name), types, columnInfo, rows, headerPositions };
  if (sidecar.json) table.sidecar = sidecar.json.file;
  if (decimalMark) table.decimalMark = decimalMark;
  if (schema?.primaryKey !== undefined) {
    const declared = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : schema.primaryKey;
    const unknown = declared.filter((column) => !table.columns.includes(column));
    if (unknown.length) diagnostics.push(sidecar.json!.diagnostic(['primaryKey'], messages.trail.keyColumnUnknown(unknown[0]!, table.columns)));
    else {
      table.primaryKey = declared;
      for (const duplicate of duplicateKeys(table)) {
        const at = duplicate.row.positions[duplicate.column]!;
        diagnostics.push({ file, line: at.line, column: at.column, severity: 'error', message: messages.trail.duplicateKey(duplicate.key, declared, duplicate.firstLine) });
      }
    }
  }
  return { table, diagnostics: sortDiagnostics(diagnostics) };
}
