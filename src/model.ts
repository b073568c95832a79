// The shapes that pass between pipeline stages. Kept in one file so each
// stage can be read on its own against these types.

/** A problem in a user's file, reported as `file:line:col: severity: message`. */
export interface Diagnostic {
  /** Project-relative path with forward slashes, e.g. `data/share.csv`. */
  file: string;
  /** 1-based; absent when the problem is about the whole file. */
  line?: number;
  /** 1-based character column; absent when the problem is about a whole line. */
  column?: number;
  severity: 'error' | 'warning';
  message: string;
  /** Stable id of the `check` rule that found it (`zero-baseline`…), for `--format json`. */
  rule?: string;
}

/** One row of `data/sources.csv`. */
export interface Source {
  id: string;
  publisher: string;
  authors: string[];
  title: string;
  /** ISO date or the precision known: `2024`, `2024-04`, `2024-04-12`. */
  published: string;
  url: string;
  attribution: string;
  language: string;
  translator: string;
  accessed: string;
  /** Line of the row in sources.csv, for messages. */
  line: number;
  /** Where the `attribution` cell starts, for messages about it (an edition's untranslated attribution); absent for sources not read from sources.csv. */
  attributionAt?: CellPosition;
}

/** Where a cell of a CSV starts: 1-based line and column (UTF-16 units). */
export interface CellPosition {
  line: number;
  column: number;
}

export type CellValue = string | number | null;
export type ColumnType = 'number' | 'string';

/** What citechart knows about a value column beyond its type. */
export interface ColumnInfo {
  type: ColumnType;
  /** Written as percentages (`90%`, `90 %`): the values are percentage points (90, not 0.9). */
  percent: boolean;
  /** The Frictionless type its sidecar declares (`integer`, `date`…), if any. */
  declared?: string;
}

/** A row of a data table with its citation attached. */
export interface CitedRow {
  /** 0-based position among the table's data rows. */
  index: number;
  /** Line in the CSV where the row starts. */
  line: number;
  /** Value columns only (citation columns are split out below). Null-prototype: keys are the user's column names. */
  values: Record<string, CellValue>;
  /** Where each value column's cell starts, for messages about a cell. Null-prototype, as `values`. */
  positions: Record<string, { line: number; column: number }>;
  sources: string[];
  /** A row summarising others (src/bigtable): the 0-based input row where each of `sources` is first cited, aligned with it. */
  sourceRows?: number[];
  quote: string;
  note: string;
  derived: string;
  /** Where the row's `note` and `derived` cells start, when they hold text, for messages about them (an edition's untranslated note). Fixed keys, not the user's. */
  textPositions?: { note?: CellPosition; derived?: CellPosition };
}

/** A CSV of figures, parsed and typed, each row cited. */
export interface CitedTable {
  /** Project-relative path, e.g. `data/microelectronics.csv`. */
  file: string;
  /** Value column names in file order. */
  columns: string[];
  /** Null-prototype (keys are column names), as are `columnInfo` and each row's `values`. */
  types: Record<string, ColumnType>;
  /** Per value column: unit and declared type (absent in tables built by hand in tests). */
  columnInfo?: Record<string, ColumnInfo>;
  /** Its Table Schema sidecar (`data/NAME.schema.json`) when it has one: an input of every chart that draws it. */
  sidecar?: string;
  /** The sidecar's `primaryKey` (value columns identifying a row across edits: src/trail/rowKeys.ts); absent when not declared. */
  primaryKey?: string[];
  /** The decimal mark the file's figures show (`2,5` → ","), when any shows one: messages write their examples with it. */
  decimalMark?: '.' | ',';
  rows: CitedRow[];
  /** Where each value column's header cell starts, for messages about a column (an edition's untranslated header). Null-prototype, as `types`; absent in tables not read from a CSV. */
  headerPositions?: Record<string, CellPosition>;
  /** A big table's rows as polars left them for Vega (src/bigtable): how many rows of the file they summarise, per source. */
  summary?: TableSummary;
}

/** What polars did to a big table for one chart: the JSON-LD's per-source row counts, the snippet's "summarise" line. */
export interface TableSummary {
  /** Data rows in the file. */
  rowsRead: number;
  /** Rows left after the pushed filters (= rowsRead when none). */
  rowsKept: number;
  /** Rows given to Vega. */
  rowsOut: number;
  /** Per source id (a row citing two counts for both): rows read and rows kept by the filters. */
  bySource: Map<string, { read: number; kept: number }>;
}

/** The citation columns every data table may have. */
export const CITATION_COLUMNS = ['source', 'quote', 'note', 'derived'] as const;
