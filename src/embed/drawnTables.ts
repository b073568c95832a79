import type { RowOrigin } from '../compile/injectData.js';
import type { CellValue, CitedRow, Source } from '../model.js';
import type { DrawnItem } from '../provenance/drawnValues.js';
import { citeSource } from '../provenance/citeSource.js';
import type { DrawnValues } from '../provenance/drawnValues.js';
import { isolate } from '../provenance/isolateBidi.js';
import { evidenceLink } from '../trail/evidenceLink.js';
import { readLocale, type Locale } from '../locale/readLocale.js';
import type { AltNotes } from '../markers/altNotes.js';
import { footerNoteLabel } from '../markers/markerSymbol.js';
import { LIMITS } from '../limits.js';
import type { ReaderColumns } from './readerColumns.js';

/** The rows of one data file that a chart draws, ready for a data table. */
export interface DrawnTable {
  /** Project-relative path of the CSV; '' for the table of values drawn from several rows. */
  file: string;
  /** Headers of the value columns in file order, lookup keys the graphic does not draw left out (readerColumns: their titles in the chart, else an edition's translation, else their names; then the drawn value, when it is not a cell). */
  columns: string[];
  /** `evidence`: each cited source, linked to the quoted sentence where it can be (src/trail/evidenceLink.ts). */
  rows: Array<{ values: CellValue[]; citation: string; note: string; evidence?: Array<{ text: string; href?: string }> }>;
  /** Said instead of "Data: TITLE" (the values table). */
  caption?: string;
  /** Said below the rows: how many rows they summarise (a big table), and that only the first are listed (over LIMITS.snippetTableRows). */
  lines?: string[];
  /** The locale's words for the caption and the citation and note columns. */
  words?: { data: string; source: string; note: string; colon: string };
}

/**
 * The drawn rows grouped by the file they come from (a chart with a lookup
 * draws from two), each row with its sources cited as in the footer and its
 * note and `derived` explanation, so the table says what the footer says.
 *
 * When the chart draws values that are not the CSV's cells (`drawn`, read
 * from the rendered scene: a `calculate`, a normalised share), each row
 * gets one more column, "MEASURE as drawn", in the chart's format; marks
 * drawn from several rows (aggregates) are listed first in a table of their
 * own, their labels and drawn value, since no single row holds them.
 * Headings and citations are in `locale`'s words; cells are the CSV's.
 * With `notes` (the graphic's numbering, src/markers), a row's note cell
 * starts with the number its marker and the footer show ("2. …"). Column
 * headers are `columns`' (readerColumns: the chart's title of the column,
 * in the edition's language, else an edition's translation of its name,
 * else the CSV's name), and its hidden columns (lookup keys) are left out.
 * Rows come in the order the graphic draws them: by `positions` (drawnOrder:
 * px along its category axis) when every row of the table has one, else in
 * the CSV's order; never re-sorted otherwise.
 *
 * Each table lists at most LIMITS.snippetTableRows rows, then says how many
 * were drawn; a big table's (src/bigtable) says how many rows of the file
 * its rows summarise, so no snippet grows with the input's row count.
 */
export function drawnTables(
  drawn: RowOrigin[],
  sources: Map<string, Source>,
  values?: DrawnValues,
  locale: Locale = readLocale(),
  notes?: AltNotes,
  columns: ReaderColumns = { header: (column) => column, hidden: new Set(), titled: () => false },
  positions: Map<CitedRow, number> = new Map(),
): DrawnTable[] {
  // A figure in the chart's language ("4312,5" in German), every digit kept; without a locale, as before.
  const cellText = (value: CellValue): CellValue => (typeof value === 'number' && locale.tag ? locale.writeNumber(value) : value);
  // A count said to the reader ("1 000" in French), with the locale's thousands separator.
  const wholeNumber = (count: number) => locale.numbers.format(',d')(count);
  const words = { data: locale.say('tableData'), source: locale.say('tableSource'), note: locale.say('tableNote'), colon: locale.words.colon };
  const tables = new Map<string, DrawnTable>();
  const computed = values && values.items.some((item) => !item.row || !isCell(item, values.measure.field));
  const byRow = new Map<CitedRow, string>();
  for (const item of computed ? values!.items : []) if (item.row) byRow.set(item.row, item.shown);
  const asDrawn = byRow.size ? locale.say('tableAsDrawn', { measure: values!.measure.title || columns.header(values!.measure.field) || values!.measure.field }) : undefined;
  const counted = new Map<string, number>();
  // Each source cited once per table, not twice per row (the citation and its evidence link say the same).
  const cited = new Map<string, string>();
  const cite = (id: string) => {
    let text = cited.get(id);
    if (text === undefined) cited.set(id, (text = citeSource(sources.get(id)!, locale)));
    return text;
  };
  // Rows citing the same sources with the same quote (most of a table) share one citation and its evidence links.
  const citations = new Map<string, { citation: string; evidence: Array<{ text: string; href?: string }> }>();
  const citationOf = (row: CitedRow) => {
    const key = JSON.stringify([row.quote, ...row.sources]);
    let found = citations.get(key);
    if (!found) {
      found = {
        citation: row.sources.map(cite).join('; '),
        evidence: row.sources.map((id) => {
          const href = evidenceLink(sources.get(id)!, row.quote);
          return { text: cite(id), ...(href ? { href } : {}) };
        }),
      };
      citations.set(key, found);
    }
    return found;
  };
  const shownColumns = new Map<string, string[]>();
  for (const { table, row } of inDrawnOrder(drawn, positions)) {
    let out = tables.get(table.file);
    if (!out) {
      const shown = table.columns.filter((column) => !columns.hidden.has(column));
      shownColumns.set(table.file, shown);
      const headers = shown.map((column) => columns.header(column) ?? column);
      tables.set(table.file, (out = { file: table.file, columns: asDrawn ? [...headers, asDrawn] : headers, rows: [], words }));
    }
    const count = (counted.get(table.file) ?? 0) + 1;
    counted.set(table.file, count);
    if (count > LIMITS.snippetTableRows) continue;
    // One list per row, no intermediate ones (up to LIMITS.snippetTableRows rows per table, every chart: issue 15).
    const values: CellValue[] = [];
    for (const column of shownColumns.get(table.file)!) values.push(cellText(row.values[column] ?? null));
    if (asDrawn) values.push(byRow.get(row) ?? null);
    out.rows.push({ values, ...citationOf(row), note: numberedNote(row, notes, locale) ?? ownNotes(row) });
  }
  for (const [file, out] of tables) {
    const count = counted.get(file)!;
    const summary = drawn.find((origin) => origin.table.file === file)!.table.summary;
    const lines = [
      ...(summary ? [locale.say('tableRowsSummarised', { n: wholeNumber(summary.rowsKept) })] : []),
      ...(count > LIMITS.snippetTableRows ? [locale.say('tableRowsListed', { shown: wholeNumber(LIMITS.snippetTableRows), total: wholeNumber(count) })] : []),
    ];
    if (lines.length) out.lines = lines;
  }
  const folded = computed ? values!.items.filter((item) => !item.row) : [];
  const foldedTable: DrawnTable[] = folded.length
    ? [{
        file: '',
        caption: locale.say('tableValuesDrawn'),
        words,
        // A field with no title is headed as the edition heads its column (readerColumns), not by its English name.
        columns: [...values!.labels.map((f) => f.title || columns.header(f.field) || f.field), values!.measure.title || columns.header(values!.measure.field) || values!.measure.field],
        rows: folded.map((item) => ({ values: [...item.labels, item.shown], citation: '', note: '' })),
      }]
    : [];
  return [...foldedTable, ...tables.values()];
}

/**
 * The drawn rows, each table's in the graphic's order when all its rows have
 * a position (a stable sort: rows in one band keep the CSV's order), else in
 * the CSV's; tables in the order they are first drawn from.
 */
function inDrawnOrder(drawn: RowOrigin[], positions: Map<CitedRow, number>): RowOrigin[] {
  const byFile = new Map<string, RowOrigin[]>();
  for (const origin of drawn) {
    const list = byFile.get(origin.table.file);
    if (list) list.push(origin);
    else byFile.set(origin.table.file, [origin]);
  }
  let out: RowOrigin[] = [];
  for (const list of byFile.values()) {
    const placed = list.every((origin) => positions.has(origin.row));
    out = out.concat(placed ? list.slice().sort((a, b) => positions.get(a.row)! - positions.get(b.row)!) : list);
  }
  return out;
}

/** The item draws its row's own cell of the measure, unchanged. */
function isCell(item: DrawnItem, field: string): boolean {
  const cell = item.row && Object.hasOwn(item.row.values, field) ? item.row.values[field] : undefined;
  return typeof cell === 'number' && item.value !== null && Math.abs(cell - item.value) < 1e-9;
}

/** The row's notes as the footer numbers them ("2. All other origins: …"), when the graphic marks them. */
/** A row's note and `derived` explanation, trimmed, each isolated (isolateBidi), joined by a space; '' for neither (most rows: no list made). */
function ownNotes(row: CitedRow): string {
  const note = row.note.trim();
  const derived = row.derived.trim();
  if (!note) return derived ? isolate(derived) : '';
  return derived ? `${isolate(note)} ${isolate(derived)}` : isolate(note);
}

function numberedNote(row: CitedRow, notes: AltNotes | undefined, locale: Locale): string | undefined {
  const numbers = notes?.notes.byRow.get(row);
  if (!notes || !numbers || notes.symbols === 'none') return undefined;
  return numbers.map((n) => `${footerNoteLabel(n, notes.symbols, (k) => locale.say('numbered', { n: k }))}${isolate(notes.notes.notes[n - 1]!)}`).join(' ');
}
