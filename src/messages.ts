// Every sentence citechart says to a user lives here, so wording stays
// consistent and tests can match it. Each message is a small function that
// names the bad value and, where it can, says what to do.

import { countOf, noun } from './countNoun.js';
import { showInvisible } from './visibleText.js';

/** Longer than this (UTF-16 code units), a quoted value is shortened: a 400 KB `url` filled the terminal (a review's sweep). */
const QUOTED_MAX = 300;
/** How much of a shortened value is shown: its start, where a reader finds it in the file. */
const QUOTED_START = 200;
/**
 * A value quoted in a message, with any invisible or direction-changing
 * character written as `\uXXXX`, so the line shows what the file holds; one
 * over QUOTED_MAX is shown by its start, `…` and its length.
 */
const q = (s: string) => {
  if (s.length <= QUOTED_MAX) return showInvisible(JSON.stringify(s));
  // Not between the two halves of a surrogate pair.
  const end = /[\ud800-\udbff]/.test(s[QUOTED_START - 1]!) ? QUOTED_START - 1 : QUOTED_START;
  return `${showInvisible(JSON.stringify(s.slice(0, end))).slice(0, -1)}…" (${countOf(s.length, 'character')})`;
};
/** How a Vega expression reads a column: `datum.share`, or `datum['GDP (bn)']`. */
/** `value` × 100 as a ×100 number format prints it (90 → 9000), free of float noise (0.07 → 7, not 7.000000000000001). */
const timesHundred = (value: number) => String(Number((value * 100).toPrecision(12)));
const datum = (column: string) => (/^[A-Za-z_$][\w$]*$/.test(column) ? `datum.${column}` : `datum[${JSON.stringify(column).replace(/^"|"$/g, "'")}]`);
/**
 * How spreadsheets and statistics offices write "no value" (N/A, NA, #N/A,
 * n.a., -, –, —, .., NaN, null, none, x): a number cell holding one is
 * meant to be empty, not a figure to retype.
 */
const isMissingMarker = (value: string) => /^\s*(#?n\/?a|n\.a\.?|nan|null|none|-|–|—|\.\.\.?|…|x)\s*$/i.test(value);
/** A figure with a currency sign before or after it: `$1,200`, `€5`, `1 200 €`, `-£3.50`. */
const CURRENCY = /^\s*[-−]?\s*([$€£¥₹₽₩₺₪₴]|US\$|R\$|CHF)\s*([\d.,\s\u00a0\u202f']*\d)\s*$|^\s*[-−]?\s*([\d.,\s\u00a0\u202f']*\d)\s*([$€£¥₹₽₩₺₪₴]|CHF|EUR|USD|GBP)\s*$/u;
const currencyOf = (value: string) => {
  const m = CURRENCY.exec(value);
  return m ? { sign: (m[1] ?? m[4])!, figure: (m[2] ?? m[3])!.trim() } : undefined;
};
const bareFigure = (value: string, column: string) => {
  const c = currencyOf(value)!;
  return `write the figure alone (${q(c.figure)}) and put the currency in the axis title (e.g. "Price (${c.sign})"), or declare the column in the table's sidecar: {"fields": [{"name": ${q(column)}, "type": "number", "bareNumber": false}]}`;
};
const noValue = (value: string) =>
  `for a cell with no value, leave it empty, or declare the marker in the table's sidecar data/NAME.schema.json: {"missingValues": ["", ${q(value)}], "fields": []}`;
/**
 * The date an Excel or LibreOffice serial number stands for (days since
 * 1899-12-30, the 1900 date system as both save it), for whole numbers
 * from 18264 (1 January 1950) to 73051 (1 January 2100), the range a newsroom's dates fall in;
 * undefined otherwise.
 */
const excelSerialDate = (value: number) =>
  Number.isInteger(value) && value >= 18264 && value <= 73051 ? new Date(Date.UTC(1899, 11, 30) + value * 86_400_000).toISOString().slice(0, 10) : undefined;
/** Bytes as megabytes, one decimal: `52.4 MB`. */
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// ── load: CSV files ─────────────────────────────────────────────────────────
export const load = {
  missingFile: (file: string) => `file not found: ${file}`,
  linkOutside: (file: string, real: string) =>
    `${file} is a link to ${real}, outside its folder in the project; citechart reads only files inside it, so copy the file in`,
  notAFile: (file: string, kind: string) =>
    `${file} is a ${kind}, not a file; citechart reads only regular files, so replace it with the file itself`,
  unreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  notUtf8: (byte: number, as1252: string, csv: boolean) =>
    `the file is not valid UTF-8: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} here ` +
    `(${q(as1252)} in Windows-1252, as older Excel saves "CSV")` +
    (csv
      ? `; save it as "CSV UTF-8", or declare the encoding in the table's sidecar: {"encoding": "windows-1252", "fields": [...]}`
      : `; save it as UTF-8`),
  utf16: (label: string, csv: boolean) =>
    csv
      ? `the file is UTF-16 (${label}, as Excel's "Unicode Text" saves it), not UTF-8; save it as "CSV UTF-8", or declare {"encoding": "${label}"} in the table's sidecar`
      : `the file is UTF-16 (${label}, as some Windows editors save "Unicode"), not UTF-8; save it as UTF-8`,
  declaredButUtf8: (encoding: string) =>
    `the sidecar declares the encoding ${q(encoding)}, but the file reads as UTF-8, so accented letters would come out garbled (é as Ã©); remove "encoding" from the sidecar`,
  declaredButUtf8Bom: (encoding: string) =>
    `the sidecar declares the encoding ${q(encoding)}, but the file starts with a UTF-8 byte-order mark, so it is read as UTF-8; remove "encoding" from the sidecar`,
  emptyFile: () => `the file is empty: a header row is expected`,
  headerOnly: () => `the table has a header but no rows, so a chart of it draws nothing; add its figures below the header`,
  raggedRow: (found: number, expected: number) =>
    `row has ${countOf(found, 'cell')} but the header has ${expected}; check for a missing or extra separator`,
  unclosedQuote: () => `a quoted cell is never closed: add the missing closing quote (")`,
  semicolonSeparated: () =>
    `the header looks separated by ";" but the rows do not all split into as many cells; ` +
    `save the file as comma-separated CSV, or declare the separator in the table's sidecar: {"dialect": {"delimiter": ";"}, "fields": [...]}`,
  declaredDelimiterAbsent: (declared: string, found: string) =>
    `the sidecar declares the separator ${q(declared === '\t' ? 'tab' : declared)}, but the header is one column with ${q(found === '\t' ? 'tab' : found)} in it; ` +
    `fix "dialect" in the table's sidecar (or remove it to detect the separator)`,
  emptyHeader: (column: number) => `header cell ${column} is empty: every column needs a name`,
  duplicateHeader: (name: string, first: number) =>
    `column ${q(name)} appears twice in the header (first as column ${first}): rename one, every column needs a distinct name`,
  missingSourceColumn: () =>
    `no "source" column: every data row must cite a source id from data/sources.csv`,
  sourceColumnMisnamed: (name: string) =>
    `no "source" column, but a column ${q(name)}: citation columns are named in lower case without spaces; rename it "source"`,
  /** `column`: the citation column (`note`, `quote`, `derived`) that `name` was surely meant to be. */
  citationColumnMisnamed: (name: string, column: string) =>
    `column ${q(name)} is read as a column of figures, not as the citation column ${q(column)}, so its cells would appear in no footer or quote check; citation columns are named in lower case, singular, without spaces: rename it ${q(column)}`,
  emptySource: () => `the "source" cell is empty: every figure must cite a source id from data/sources.csv`,
  unknownSource: (id: string, suggestion?: string) =>
    `unknown source id ${q(id)}: it is not in data/sources.csv` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : ''),
  notFinite: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} is too large to be a number`,
  /** `mark` is the file's decimal mark: the example is written with it. */
  notANumber: (value: string, column: string, mark: '.' | ',' = '.') =>
    `${q(value)} is not a number, but column ${q(column)} holds numbers; ` + (isMissingMarker(value) ? noValue(value) : currencyOf(value) ? bareFigure(value, column) : `write it as e.g. 90 or 1234${mark}5`),
  unreadForm: (value: string, column: string, form: string, plain: string | undefined, mark: '.' | ',' = '.') =>
    `${q(value)} in column ${q(column)} is written ${form}, which citechart does not read; ` +
    (plain !== undefined ? `write it as ${plain}` : `write it as a plain number, e.g. 1234${mark}5`) +
    ` (in the spreadsheet: format the column as a number without exponent or separators)`,
  // spreadsheet-style cells (see parseFigure)
  ambiguousComma: (value: string, column: string, asThousands: number, asDecimal: number, schemaFile: string) =>
    `${q(value)} in column ${q(column)} is ambiguous: ${asThousands} if "," groups thousands, ${asDecimal} if it is the decimal mark; ` +
    `declare it in ${schemaFile}: {"name": ${q(column)}, "type": "number", "groupChar": ","} or {..., "decimalChar": ","}`,
  ambiguousDot: (value: string, column: string, asThousands: number, asDecimal: number, schemaFile: string) =>
    `${q(value)} in column ${q(column)} is ambiguous in a file from a decimal-comma locale (";" between cells, or "2,5" elsewhere): ${asThousands} if "." groups thousands, ${asDecimal} if it is the decimal mark; ` +
    `declare it in ${schemaFile}: {"name": ${q(column)}, "type": "number", "decimalChar": ",", "groupChar": "."} for thousands, or {"name": ${q(column)}, "type": "number"} for decimals`,
  mixedDecimalMarks: (value: string, column: string, mark: string) =>
    `${q(value)} in column ${q(column)} uses a different decimal mark than the column's other cells (${q(mark)}); ` +
    `write all of them alike, or declare "decimalChar" and "groupChar" for the column in its sidecar`,
  mixedPercent: (value: string, column: string, columnIsPercent: boolean) =>
    columnIsPercent
      ? `${q(value)} has no "%" but most cells of column ${q(column)} do; write every cell of the column alike`
      : `${q(value)} is written with "%" but most cells of column ${q(column)} are not; write every cell of the column alike`,
  formulaText: (value: string) =>
    `${q(value)} looks like a spreadsheet formula; it is shown as this text, never calculated: paste the value if a figure was meant`,
  formulaInNumber: (value: string, column: string) =>
    `${q(value)} in number column ${q(column)} is a spreadsheet formula, not its result; citechart never calculates formulas: paste the value`,
  unsafeInteger: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} has more digits than a number keeps exactly (beyond 2^53); declare the column "type": "string" if it is an identifier`,
  // cells checked against the sidecar
  notOfType: (value: string, column: string, type: string, hint: string) =>
    `${q(value)} in column ${q(column)} is not a valid ${type}${hint}`,
  hintBareNumber: () => `; to allow signs like "%" or "€" around the number set "bareNumber": false for the column`,
  hintGroupChar: () => `; if "," or " " groups thousands, set "groupChar" for the column (and "decimalChar" if the decimal mark is ",")`,
  hintDate: () => `; write it as YYYY-MM-DD`,
  hintBoolean: () => `; write true or false (or 1 / 0)`,
  requiredMissing: (column: string) => `column ${q(column)} is required by its sidecar but this cell is empty`,
  belowMinimum: (value: string, column: string, minimum: number | string) =>
    `${q(value)} in column ${q(column)} is below the minimum ${minimum} its sidecar allows`,
  aboveMaximum: (value: string, column: string, maximum: number | string) =>
    `${q(value)} in column ${q(column)} is above the maximum ${maximum} its sidecar allows`,
  notInEnum: (value: string, column: string, allowed: unknown[]) =>
    `${q(value)} in column ${q(column)} is not one of the values its sidecar allows (${allowed.map((v) => JSON.stringify(v)).join(', ')})`,
  patternMismatch: (value: string, column: string, pattern: string) =>
    `${q(value)} in column ${q(column)} does not match the pattern ${q(pattern)} its sidecar requires`,
  // data/NAME.schema.json itself
  schemaInvalid: (where: string, reason: string) => `invalid table schema: ${where} ${reason}`,
  schemaFieldMissing: (name: string, file: string) =>
    `field ${q(name)} is declared here but ${file} has no such column; check the header's spelling`,
  schemaDuplicateField: (name: string) => `field ${q(name)} is declared twice`,
  schemaUnknownEncoding: (label: string) =>
    `unknown encoding ${q(label)}; use a name such as "utf-8", "windows-1252" or "iso-8859-15"`,
  schemaSameChars: () => `"decimalChar" and "groupChar" must differ`,
  schemaBadPattern: (pattern: string) => `"pattern" ${q(pattern)} is not a valid regular expression`,
  schemaPatternUnsupported: (pattern: string, reason: string) =>
    `"pattern" ${q(pattern)} cannot be checked in linear time (${reason}); ` +
    `rewrite it without backreferences or lookaround (see "Limits" in the README)`,
  // Size limits (src/limits.ts), each checked before the work it bounds.
  fileTooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is ${mb(bytes)}, over citechart's limit of ${mb(limit)} per file; split it into smaller tables`,
  cellTooLong: (limit: number) =>
    `this cell is longer than ${limit.toLocaleString('en-US')} characters, citechart's limit per cell; ` +
    `shorten it (is a closing quote missing earlier?)`,
  tooManyColumns: (limit: number) =>
    `this row has more than ${limit.toLocaleString('en-US')} columns, citechart's limit; split the table, or check the separator`,
  tooManyRows: (limit: number) =>
    `the table has more than ${limit.toLocaleString('en-US')} rows, citechart's limit per table; ` +
    `aggregate the figures or split the table (reading stopped at this line)`,
  tooManyCells: (limit: number) =>
    `the table has more than ${limit.toLocaleString('en-US')} cells, citechart's limit per table; ` +
    `drop columns or rows the charts do not use (reading stopped at this line)`,
  // Big tables (src/bigtable): a Parquet file or folder, or a CSV over LIMITS.bigCsvBytes.
  badBigCsvBytes: (value: string) =>
    `CITECHART_BIG_CSV_BYTES is ${JSON.stringify(value)}, not a whole number of bytes; ` +
    `set it to one (16777216 for 16 MB) or unset it for the default`,
  badBigCsvMemoryBytes: (value: string) =>
    `CITECHART_BIG_CSV_MEMORY_BYTES is ${JSON.stringify(value)}, not a whole number of bytes; ` +
    `set it to one (536870912 for 512 MiB, 0 to never hold a big CSV in memory) or unset it for the default`,
  badPushdown: (value: string) =>
    `CITECHART_PUSHDOWN is ${JSON.stringify(value)}; set it to off (every transform in Vega) or on, or unset it for the default (on)`,
  bigTableTooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is ${mb(bytes)}, over citechart's limit of ${mb(limit)} per big table; aggregate it in a warehouse first (README, "Scale past one machine")`,
  bigTableUnreadable: (file: string, reason: string) =>
    `cannot read ${file} with polars: ${reason}; ` +
    (/\.csv$/i.test(file) ? `is it a UTF-8 CSV with as many cells in every row as in its header?` : `is it a Parquet file (or folder of them) as exported by BigQuery, Spark or DuckDB?`),
  bigTableAtRow: (row: number, message: string) => `row ${row.toLocaleString('en-US')}: ${message}`,
  bigTableNoSource: (file: string) =>
    `${file} has no "source" column: add one with a source id from data/sources.csv on every row`,
  bigTablePatternName: (name: string) =>
    `column ${q(name)} is named like a pattern (${name === '*' ? 'polars reads "*" as every column' : 'polars reads a name from ^ to $ as a regular expression'}), so a big table's queries cannot name it; rename it in the header`,
  bigTableSourceNotText: (type: string) => `the "source" column holds ${type}, not text: it must hold source ids from data/sources.csv`,
  bigTableTooManySourceValues: (limit: number) =>
    `the "source" column has more than ${limit.toLocaleString('en-US')} different values, citechart's limit; ` +
    `cite one source id (or a few, ";"-separated) per row, not a free text`,
  bigTableEmptySources: (count: number) =>
    `${countOf(count, 'row')} ${noun(count, 'has', 'have')} an empty "source" cell (${count === 1 ? 'this one' : 'this is the first'}): every figure must cite a source id from data/sources.csv`,
  bigTableNotANumber: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} is not a number, and the column's first rows are; ` +
    `a big table's numbers are plain (1234.5: no thousands separator, unit or %): fix the cell`,
  bigTableFieldNotNumber: (value: string, column: string, specFile: string) =>
    `${q(value)} is not a number, but ${specFile} plots column ${q(column)} as quantitative; ` +
    `a big table's numbers are plain (1234.5: no thousands separator, unit or %): write the cell so, or plot another column`,
  bigTableMoreCellErrors: (count: number, limit: number) =>
    `and ${countOf(count, 'more cell')} that ${noun(count, 'is', 'are')} not ${noun(count, 'a number', 'numbers')} (citechart locates the first ${limit.toLocaleString('en-US')} per table)`,
  bigTableCitationColumnsIgnored: (columns: string[]) =>
    `a big table's ${columns.map(q).join(', ')} column is not drawn into the footer (aggregated rows cannot carry one row's note or quote); put notes in the spec's usermeta.citechart.notes`,
  notDatesInTimeUnit: (count: number) =>
    `${count === 1 ? 'a cell' : countOf(count, 'cell')} of a time unit's column ${noun(count, 'is', 'are')} not a date written YYYY-MM-DD`,
  windowSortNotNumbers: (column: string) => `column ${q(column)}, which a window sorts by, holds empty cells or NaN, which Vega orders its own way`,
  notADateInTimeUnit: (value: string, column: string) => `${q(value)} in column ${q(column)} is not a date written YYYY-MM-DD`,
  pushdownFailed: (file: string, reason: string) =>
    `polars could not run this chart's leading transforms on ${file} (${reason}); they ran in Vega instead`,
  // sources.csv
  missingSourcesColumns: (names: string[], header: string[]) =>
    `sources.csv has no ${names.map(q).join(', ')} ${noun(names.length, 'column')} (its header: ${header.map(q).join(', ') || 'empty'}); ` +
    `its header must be id,publisher,authors,title,published,url,attribution (language, translator, accessed optional)`,
  /** `column`: the optional sources.csv column (`language`, `translator`, `accessed`) that `name` was surely meant to be. */
  sourcesColumnMisnamed: (name: string, column: string) =>
    `sources.csv has a column ${q(name)} but no ${q(column)}: citechart reads only ${q(column)}, so its cells would be left out of every footer; rename it ${q(column)} (columns are named in lower case)`,
  duplicateSourceId: (id: string, firstLine: number) =>
    `source id ${q(id)} is already defined on line ${firstLine}`,
  emptySourceField: (name: string) => `the source's ${q(name)} is empty`,
  badSourceId: (id: string) =>
    `source id ${q(id)} should be a short slug of lower-case letters, digits and dashes`,
  badDate: (name: string, value: string) =>
    `${name} ${q(value)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`,
  badUrl: (value: string) => `url ${q(value)} is not an https:// or http:// address`,
  urlWithUser: (value: string, host: string) =>
    `url ${q(value)} holds a user name before "@", so the link goes to ${host}, not the address it seems to start with; write the source's own address`,
  noUrl: (id: string) => `source ${q(id)} has no url; readers cannot follow it`,
  // structure the scanner finds that polars would accept silently or fail on without a position
  textAfterQuote: () =>
    `text after the closing quote of a quoted cell: quote the whole cell and double any quote inside it ("")`,
  quoteInsideCell: () =>
    `a quote (") inside a cell that does not start with one, so the cell cannot be read reliably (is a separator missing before it?); put the whole cell in quotes and double each quote inside it ("5'11""")`,
  strayQuoteRead: (cell: string) =>
    `a quote (") inside a cell that does not start with one is read as part of its text (${q(cell)}); to be sure every program reads it so, put the whole cell in quotes and double each quote inside it ("5'11"" tall")`,
  loneCarriageReturn: () =>
    `a line ends with a bare carriage return (old Mac line endings); save the file as "CSV UTF-8"`,
  controlCharRemoved: (code: string) =>
    `a control character (${code}) was removed here: it cannot be drawn or written in an SVG; delete it from the file`,
  controlCharInFigure: (code: string) =>
    `a control character (${code}) sits between digits here, so the figure cannot be trusted (a file saved half as UTF-16, or damaged?); delete it and check the figure against its source`,
  bidiControlRemoved: (name: string) =>
    `a ${name} was removed here: it would reorder the text around it (a right-to-left override draws the rest of the line backwards); delete it from the file`,
  readerDisagrees: () =>
    `citechart's line scanner and the CSV reader (polars) disagree about this file's rows; please report this file as a citechart bug`,
};

/** An expression as quoted in a message: long ones cut, so the message stays one readable line. */
const short = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** jsonc-parser's error codes (printParseErrorCode) in words: "InvalidCommentToken" said nothing to an editor. */
const JSON_ERRORS = new Map([
  ['InvalidSymbol', 'a character that cannot start a JSON value (text must be in double quotes)'],
  ['InvalidNumberFormat', 'a number JSON cannot read (no leading +, no leading zeros, digits after a decimal point)'],
  ['PropertyNameExpected', 'a property name in double quotes is expected here (a stray or trailing comma?)'],
  ['ValueExpected', 'a value is expected here (a stray comma, or a value missing after a colon?)'],
  ['ColonExpected', 'a colon is expected here, between a property name and its value'],
  ['CommaExpected', 'a comma is expected here, between two values or properties'],
  ['CloseBraceExpected', 'a closing } is expected here'],
  ['CloseBracketExpected', 'a closing ] is expected here'],
  ['EndOfFileExpected', 'the file should end here: something follows the closing } (two objects in one file?)'],
  ['InvalidCommentToken', 'comments are not allowed in JSON; delete the comment'],
  ['UnexpectedEndOfComment', 'comments are not allowed in JSON, and this one is not closed'],
  ['UnexpectedEndOfString', 'a text is not closed: a double quote is missing'],
  ['UnexpectedEndOfNumber', 'a number ends too early'],
  ['InvalidUnicode', 'a \\u escape needs four hexadecimal digits'],
  ['InvalidEscapeCharacter', 'an unknown escape after a backslash (write \\\\ for a backslash)'],
  ['InvalidCharacter', 'a control character (a tab or line break) inside a text; write it as \\t or \\n'],
]);

// ── compile: specs and theme ────────────────────────────────────────────────
export const spec = {
  layerSortDropped: (channel: string, sort: string) =>
    `the layers sharing this ${channel} axis sort it by different figures (a stacked bar by its sum, another layer by a mean or a count), so Vega-Lite drops "sort": ${sort} and draws the categories in alphabetical order; ` +
    `write the sort out once for every layer, e.g. "sort": {"field": "value", "op": "sum", "order": "descending"}, or give the layers the same aggregate`,
  invalidJson: (reason: string) => `invalid JSON: ${JSON_ERRORS.get(reason) ?? reason}`,
  duplicateKey: (key: string, later: { line: number; column: number }) =>
    `${q(key)} is set again at line ${later.line}, column ${later.column}, and only that later value is used (this one is ignored); delete one of them`,
  reservedName: (name: string, why: string) => `the chart name ${q(name)} is reserved: ${why}; rename the spec file`,
  unportableName: (name: string, why: string) => `the chart name ${q(name)} cannot be used: ${why}; rename the spec file`,
  invisibleInName: (name: string, found: string[]) =>
    `the chart name ${q(name)} holds an invisible or direction-changing character (${found.join(', ')}), which would hide or reorder characters of its output file names wherever they are shown (${q(`${name}.svg`)} may read as another name); rename the spec file with visible characters only`,
  notAnObject: () => `a spec must be a JSON object (a Vega-Lite specification)`,
  compileFailed: (reason: string) => `Vega-Lite cannot compile this spec: ${reason}`,
  schemaViolation: (where: string, reason: string) => `not valid Vega-Lite: ${where} ${reason}`,
  themeSchemaViolation: (where: string, reason: string) =>
    `not a valid Vega-Lite config: ${where === 'the spec' ? 'the theme' : where} ${reason}`,
  tooDeep: (max: number) =>
    `objects and arrays nest more than ${max} levels deep here, citechart's limit for a JSON file; a spec needs far fewer: flatten it`,
  tooManyTransforms: (count: number, max: number) =>
    `the spec has ${countOf(count, 'transform')}, more than the ${max} citechart allows; prepare the data in its CSV instead of in the spec`,
  expressionInvalid: (expression: string, why: string) =>
    `the expression ${q(short(expression))} is not valid: ${why}; see https://vega.github.io/vega/docs/expressions/`,
  expressionFailed: (expression: string, why: string) =>
    `the expression ${q(short(expression))} fails when the chart is drawn: ${why}`,
  readsMissing: (property: string) =>
    `it reads ${q(property)} of a value that does not exist (a field the rows do not have, e.g. datum.nope.${property}); check its field names against the table's columns`,
  readsNull: (property: string) =>
    `it reads ${q(property)} of an empty (null) value; test the value first, e.g. datum.x ? datum.x.${property} : null`,
  fieldReadFailed: (field: string) =>
    `Vega failed to read field ${q(field)} while drawing: the value it belongs to does not exist (an argmax or argmin of a field the rows do not have, or a nested path such as "a.${field}" where "a" is missing); check the fields and aggregates that use it`,
  callTooLarge: (name: string) => `its call to ${name}() would make more values than citechart can hold; ask for fewer`,
  callFailed: (name: string) => `its call to ${name}() fails on these values; check its arguments`,
  badRegExp: (detail: string) => `its regular expression is invalid (${detail})`,
  notAFunction: (name: string) => `it calls ${q(name)}, which is not a function`,
  tooComplex: () =>
    `Vega-Lite runs out of stack on this spec (views or expressions nested too deeply); simplify it`,
  vegaFailedUnclear: () =>
    `Vega failed while drawing the chart, at a step citechart cannot trace to the spec; check the expressions, fields and transforms above`,
  pngTooLarge: (width: number, height: number, maxSide: number, maxPixels: number, scale = 2) =>
    `the chart is ${Math.round(width)}×${Math.round(height)} px, so its ${scale}× PNG would be ${Math.round(width * scale)}×${Math.round(height * scale)} px, beyond the limits for a PNG (${maxSide.toLocaleString('en')} px a side, ${maxPixels.toLocaleString('en')} pixels in all); make width and height smaller${scale > 1 ? ', or --scale lower' : ''}`,
  renderFailed: (reason: string) => `Vega cannot render this spec: ${reason}`,
  expressionReadsNothing: (expression: string, property: string) =>
    `the expression ${q(expression)} reads ${q(property)} of a value that does not exist (a field that is not a column, or an empty cell), so Vega cannot draw the chart; check each name after "datum." against the table's columns`,
  artboardNoRoom: (width: number, plot: number) =>
    `at the artboard width ${width} px the plot gets ${Math.max(0, Math.round(plot))} px (its labels, title and legend take the rest), so the chart would be drawn off the artboard; drop ${width} from "widths", or shorten the labels or lower their "labelLimit"`,
  builtInNameAsText: (text: string) =>
    `Vega cannot draw a text that is exactly ${q(text)} (it takes a built-in JavaScript name for one of its own signals); reword it, e.g. ${q(`${text[0]!.toUpperCase()}${text.slice(1)}`)} or add a word`,
  tooWide: (over: number, room: number) =>
    `the table's columns need ${over} px more than the ${Math.round(room)} px the chart has, so they would overlap or be cut: drop a column, shorten its title or its figures' format, or make the chart wider`,
  badFormat: (format: string) =>
    `${q(format)} is not a format d3 can read, so Vega cannot draw the chart; write a d3-format such as ",.1f" or ".0%" (or a time format with "formatType": "time")`,
  vegaWarning: (reason: string) => `Vega: ${reason}`,
  vegaLiteWarning: (reason: string) => `Vega-Lite: ${reason}`,
  dataUrlOutside: (url: string) =>
    `data url ${q(url)} points outside the project's data/ folder; use "data/NAME.csv"`,
  dataUrlNotCsv: (url: string) =>
    `data url ${q(url)} is not a CSV table in data/; citechart charts only cited CSV tables ("data/NAME.csv") and big tables ("data/NAME.parquet")`,
  dataUrlUnknown: (url: string) => `data url ${q(url)}: no such file in the project`,
  dataLinkOutside: (url: string, real: string) =>
    `data url ${q(url)} is a link to ${real}, outside the project's data/ folder; copy the file into data/ instead`,
  dataNotAFile: (url: string, kind: string) =>
    `data url ${q(url)} is a ${kind}, not a file; citechart reads only regular CSV files in data/`,
  dataUrlNotLiteral: (what: string) =>
    `a data url must be a literal "data/NAME.csv" string, not ${what}: a signal or expression could load any file or URL`,
  urlOutsideData: () =>
    `a "url" is allowed only as "data": {"url": "data/NAME.csv"}; anywhere else it would load a file or URL into the graphic`,
  formatNotCsv: (type: string) =>
    `data format ${q(type)} is refused: citechart reads every table as CSV; remove "type" or write "csv"`,
  /** `form` names how the cell is written when citechart knows the form (unreadNumberForm); `mark` is the file's decimal mark. */
  fieldNotNumber: (value: string, column: string, specFile: string, mark: '.' | ',' = '.', form?: string, plain?: string) =>
    `${q(value)} is not a number, but ${specFile} plots column ${q(column)} as quantitative; ` +
    (form
      ? `it is written ${form}, which citechart does not read as a number; ${plain !== undefined ? `write it as ${plain}` : `plot another column, or declare the column "type": "string" and leave it off the axis`}`
      : isMissingMarker(value) ? noValue(value) : currencyOf(value) ? bareFigure(value, column) : `write it as e.g. 90 or 1234${mark}5`),
  declaredTextPlotted: (column: string, declared: string, sidecar: string, specFile: string) =>
    `${specFile} plots column ${q(column)} as quantitative, but ${sidecar} declares it "type": ${q(declared)}, and citechart plots no text column as quantitative; declare it "number" in the sidecar, or plot it as nominal`,
  inlineValues: () =>
    `inline "values" carry no citations; put the figures in a CSV in data/ with a "source" column`,
  generatedData: () =>
    `generated "sequence" data carries no citations; put the figures in a CSV in data/ with a "source" column`,
  unknownField: (field: string, file: string, columns: string[], suggestion?: string) =>
    `field ${q(field)} is not a column of ${file} (columns: ${columns.map(q).join(', ')})` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : ''),
  unknownDatumField: (field: string, file: string, columns: string[], suggestion?: string) =>
    `datum.${field} reads no column of ${file} (columns: ${columns.map(q).join(', ')}) and no field a transform makes, so it is undefined in every row (a filter comparing it keeps or drops every row)` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : '; check the name'),
  /** `by` says what reads the field: `the aggregate transform`, `the facet`, `the sort of y`. */
  unknownTransformField: (field: string, by: string, file: string, columns: string[], suggestion?: string) =>
    `${by} reads field ${q(field)}, which is no column of ${file} (columns: ${columns.map(q).join(', ')}) and no field a transform makes, so it is undefined in every row (a sum of it draws 0, a sort, group or facet by it does nothing, a filter on it keeps or drops every row)` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : '; check the name'),
  unreadableFieldPath: (field: string, escaped: string) =>
    `Vega-Lite cannot read field ${q(field)}: a quote, dot or bracket in a field name is part of a path to it (a quote opens a quoted name); for a column of that name write ${q(escaped)}`,
  unescapedField: (column: string, escaped: string) =>
    `field ${q(column)} reads as a nested path in Vega-Lite; to use the column ${q(column)} write ${q(escaped)}`,
  drawsNothing: () =>
    `the chart draws no row of its data: check its filters and field names`,
  noData: () => `the spec draws no data: reference a table with "data": {"url": "data/NAME.csv"}`,
  builtinFieldName: (name: string) =>
    `field ${q(name)} has the name of a built-in JavaScript property, which Vega and Vega-Lite cannot draw (vega-lite issue #8125); rename the column, e.g. to ${q(name.replace(/^_+|_+$/g, '') + '_')}`,
  imageMark: () => `image marks are refused: they would load a file or URL into the graphic`,
  loaderRefused: (url: string) =>
    `refused to load ${q(url)}: Vega loads nothing in citechart; a spec's data comes only from "data": {"url": "data/NAME.csv"}`,
  usermetaInvalid: (path: string, reason: string) => `usermeta.citechart${path} ${reason}`,
  unknownUsermeta: (key: string, known: string[], suggestion?: string) =>
    `usermeta.citechart has no setting ${q(key)} (known: ${known.join(', ')}), so what it holds would be left out of the graphic` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : '; remove it'),
  /** `width`: the artboard (px) the label is cut in, when not the spec's own layout. */
  labelTruncated: (text: string, drawn: string, limit: number, width?: number) =>
    `${width === undefined ? '' : `at the ${width} px width, `}the label ${q(text)} is wider than its ${limit} px limit and is drawn cut, as ${q(drawn)}; shorten it, or raise the limit (an axis's "labelLimit", a legend's "labelLimit", a mark's "limit")`,
  paletteRepeats: (field: string, categories: number, colours: number) =>
    `${field ? `${q(field)} has` : 'the colour scale has'} ${categories} categories but the palette only ${colours} colours, so colours repeat and different categories look alike; group the smaller ones (e.g. as "Other"), or give the scale a longer "range"`,
  // Values past Number.MAX_VALUE (src/render/nonFiniteValues.ts): Vega would drop their marks silently.
  nonFiniteValue: (field: string, aggregate: string | undefined, value: number, group: string) =>
    `${aggregate ? `the ${aggregate} of ${q(field)}` : q(field)}${group ? ` for ${group}` : ''} is ${value > 0 ? '' : '−'}infinite: past 1.8e308, the largest number a chart can hold (a sum that overflowed?), so its mark would be left out; ` +
    `divide the values by a power of ten in a calculate (and say so in the axis title), or fix the outlying rows`,
  nonFiniteScale: (scale: string, from: number, to: number) =>
    `the ${scale} scale runs from ${from} to ${to}, a span past 1.8e308, the largest number a chart can hold, so every mark on it would be drawn 0 px long; ` +
    `divide the values by a power of ten in a calculate (and say so in the axis title), or fix the outlying rows`,
  linksDropped: () =>
    `links (href) are left out of the published graphic: an embedded chart links nowhere; put the links in the article text`,
  widthsNeedSingleView: () =>
    `usermeta.citechart.widths needs a single or layered view: a concatenated or faceted chart cannot be re-laid-out at one width`,
  themeInvalid: (reason: string) => `the theme must be a Vega-Lite config object: ${reason}`,
  footerStyleSize: (key: string, value: string, zero: boolean) =>
    `the footer's ${key} is ${value}: give a ${zero ? 'number of px, 0 or more' : 'positive number of px'} (e.g. ${key === 'padding' ? 12 : key === 'lineHeight' ? 15 : 11})`,
  footerStyleColour: (key: string, value: string) => `the footer's ${key} ${value} is not a CSS colour: write e.g. "#595959"`,
  themeScale: (style: string, size: string, min: number, max: number) =>
    `style ${q(style)} sets the PNG's scale but its size is ${size}: give a number of PNG pixels per CSS pixel from ${min} to ${max} (e.g. {"size": 3})`,
  themePrintWidth: (style: string, width: string, min: number, max: number) =>
    `style ${q(style)} sets the PDF's print width but its width is ${width}: give a number of millimetres from ${min} to ${max} (e.g. {"width": 90})`,
  markerSymbols: (value: string, allowed: readonly string[]) =>
    `the note markers' symbols ${value} are not one of ${allowed.map((a) => `"${a}"`).join(', ')}: write e.g. {"symbols": "digits"} for ¹ ² or "asterisks" for * †`,
  tooManyMarkers: (rows: number, limit: number) =>
    `${rows} drawn rows have a note or "derived", over the ${limit} a chart marks: no marker is drawn, the notes are only in the footer; put a note that concerns many rows in usermeta.citechart.notes instead`,
  markerNoPlace: (marker: string, note: string) =>
    `this row's note ${q(note)} is numbered ${marker} in the footer, but the chart has no place for its marker beside the row (no text label or axis label of its own, or every place overlaps other text): label the row (a text layer), or put the note in usermeta.citechart.notes`,
  themeArtboardWidth: (style: string, width: string, min: number, max: number) =>
    `style ${q(style)} declares an artboard but its width is ${width}: give a whole number of px from ${min} to ${max} (e.g. {"width": 320})`,
  // Transform parameters over their limits (src/limits.ts).
  parameterOverLimit: (transform: string, parameter: string, value: string, produces: string, limit: number) =>
    `${transform} ${q(parameter)} ${value} would make ${produces}, over citechart's limit of ${limit.toLocaleString('en-US')}; ` +
    `use a smaller value`,
  /** `setting`: `width`, `height`, `continuousWidth`…, or `tickCount`; `limit` in px, or ticks. */
  viewOverLimit: (setting: string, value: number, limit: number) =>
    setting === 'tickCount'
      ? `"tickCount" ${value} is over citechart's limit of ${limit.toLocaleString('en-US')} ticks (each is drawn and measured, and millions exhaust the memory); use a smaller value`
      : setting.startsWith('gradient')
        ? `${q(setting)} ${value} px is over citechart's limit of ${limit.toLocaleString('en-US')} px, the largest side of a PNG (laying out a legend's gradient 10 million px long took 27 s and 800 MB); use a smaller value`
        : `${q(setting)} ${value} px is over citechart's limit of ${limit.toLocaleString('en-US')} px, the largest side of a PNG (an axis drawn that long gets a tick every 40 px, and millions exhaust the memory); use a smaller value`,
  /** `kind`: what the setting sizes ("font size", "line width", "padding or offset"); `limit` in px. */
  styleOverLimit: (setting: string, value: number, kind: string, limit: number) =>
    `${q(setting)} ${value} px is over citechart's limit of ${limit.toLocaleString('en-US')} px for a ${kind}: it would be drawn off the artboard ` +
    `or push the chart out of it; use a value in px as a page would (a headline is about 20 to 100 px)`,
  /** `setting`: where the size is (`size`, `symbolSize`, `maxSize`, `range`); a point's area, in px². */
  markSizeOverLimit: (setting: string, value: number, limit: number) =>
    `${q(setting)} ${value} is over citechart's limit of ${limit.toLocaleString('en-US')} for a mark's size (a point's area in square px; a bar's or line's width in px): ` +
    `it would cover the artboard; a point is about 30 to 500, a large bubble a few thousand`,
  /** `setting`: `cornerRadius` or one of its variants (`cornerRadiusEnd`, `cornerRadiusTopLeft`…); `sidePx`: the longest side a view may have. */
  cornerRadiusOverLimit: (setting: string, value: number, limit: number, sidePx: number) =>
    `${q(setting)} ${value} px is over citechart's limit of ${limit.toLocaleString('en-US')} px for a corner's radius: Vega rounds a corner by at most half ` +
    `its rectangle's shorter side, and no side may be longer than ${sidePx.toLocaleString('en-US')} px, so this can only be a slip; a bar's corners are rounded by 2 to 8 px`,
  descriptionOverLimit: (length: number, limit: number) =>
    `this description is ${countOf(length, 'character')} long, over citechart's limit of ${limit.toLocaleString('en-US')}: Vega gives it to the chart or mark as its ` +
    `ARIA label, which a screen reader reads whole, with no way to skip within it; say what it shows in a sentence or two`,
  altOverLimit: (length: number, limit: number) =>
    `this alt text is ${countOf(length, 'character')} long, over citechart's limit of ${limit.toLocaleString('en-US')}: a screen reader reads it whole, with no way to skip within it; ` +
    `say what the chart shows in a sentence or two, and leave the detail to the article or the snippet's data table`,
  /** `what`: the setting holding the text (`title`, `text`, `notes`…). */
  textOverLimit: (what: string, length: number, limit: number) =>
    `this ${what} is ${countOf(length, 'character')} long, over citechart's limit of ${limit.toLocaleString('en-US')} for one text drawn in the graphic: ` +
    `it would run off the artboard or wrap to a block taller than the chart; shorten it, and put the detail in the article`,
  viewNotPositive: (setting: string, value: number) =>
    `${q(setting)} ${value} leaves the plot no room, so no mark would be drawn; use a positive number of px, or remove it for the default`,
  imputeOverLimit: (keys: number, groups: number, limit: number) =>
    `impute over ${countOf(keys, 'key')} in each of ${countOf(groups, 'group')} would make ` +
    `${countOf(keys * groups, 'row')}, over citechart's limit of ${limit.toLocaleString('en-US')}; impute over fewer keys or groups`,
  tooManyChartRows: (rows: number, limit: number) =>
    `this chart reads ${countOf(rows, 'row')}, over citechart's limit of ${limit.toLocaleString('en-US')} per chart; ` +
    `aggregate the figures in the CSV or filter them first`,
  tooManyMarks: (marks: number, limit: number) =>
    `this chart would draw ${countOf(marks, 'mark')}, over citechart's limit of ${limit.toLocaleString('en-US')}; ` +
    `aggregate or filter the data (a reader cannot see that many marks anyway)`,
  expressionOverLimit: (call: string, limit: number, unit: string) =>
    `${call} would make more than ${limit.toLocaleString('en-US')} ${unit}, citechart's limit; use smaller arguments`,
  regexUnsupported: (pattern: string, reason: string) =>
    `the regular expression ${q(pattern)} cannot run in linear time (${reason}); rewrite it without backreferences or lookaround`,
};

// ── checks before drawing (src/checks) and Vega's messages judged ─────────
/** What a Vega text mark of each role is, as a message names it. */
const TEXT_ROLES = new Map([
  ['mark', 'text label'],
  ['axis-label', 'axis label'],
  ['axis-title', 'axis title'],
  ['legend-label', 'legend label'],
  ['legend-title', 'legend title'],
  ['title-text', 'title'],
  ['title-subtitle', 'subtitle'],
]);

export const checks = {
  dottedDate: (value: string, column: string, read: string, other: string) =>
    `${q(value)} in column ${q(column)} would be drawn at ${read} (Vega reads numeric dates month first), but dates written with dots are day first (${other}); write dates as YYYY-MM-DD`,
  slashedDate: (value: string, column: string, read: string, other: string) =>
    `${q(value)} in column ${q(column)} is drawn at ${read} (month first, as in the United States); if the file means ${other}, write dates as YYYY-MM-DD`,
  duplicateMark: (key: string, firstLine: number, mark: string, measured: string) =>
    `this row draws at the same place as line ${firstLine} (${q(key)}), and no channel tells them apart: ` +
    (mark === 'line' || mark === 'trail'
      ? `the line would double back between their two values of ${q(measured)}`
      : `Vega-Lite would draw one ${mark === 'arc' ? 'slice' : mark} of their ${q(measured)} summed, a figure neither row holds`) +
    `; remove the duplicate row, or split them with a colour or offset field (or write "aggregate": "sum" if the sum is meant)`,
  duplicateTimeUnit: (value: string, firstValue: string, firstLine: number, unit: string, mark: string, measured: string) =>
    `this row's ${q(value)} and line ${firstLine}'s ${q(firstValue)} fall in one ${q(unit)} of the time axis ("timeUnit": ${q(unit)}), and no channel tells them apart: ` +
    (mark === 'line' || mark === 'trail'
      ? `the line would double back between their two values of ${q(measured)}`
      : `Vega-Lite would draw one ${mark === 'arc' ? 'slice' : mark} of their ${q(measured)} summed, a figure no row holds`) +
    `; give the axis the unit the rows are in (such as "yearmonth"), or say which figure the ${q(unit)} shows with "aggregate" ("mean", or "sum" if the sum is meant)`,
  lookalikeMark: (key: string, firstKey: string, firstLine: number, mark: string) =>
    `${q(key)} differs from ${q(firstKey)} on line ${firstLine} only in spaces (or in how an accent is encoded), so the chart would draw two ${mark === 'arc' ? 'slices' : mark === 'line' || mark === 'trail' ? 'lines' : `${mark}s`} that a reader sees labelled alike; ` +
    `write the name the same way in both rows (or merge them)`,
  logNotPositive: (value: number, column: string, channel: string) =>
    `${value} in column ${q(column)} cannot be drawn on the log scale of ${channel} (a log scale has no place for 0 or negative values; Vega would pin the mark to the edge and drop the axis labels); ` +
    `use a linear scale, or leave the row out with a filter`,
  outsideDomain: (value: string, column: string, channel: string, domain: string, discrete: boolean) =>
    discrete
      ? `${q(value)} in column ${q(column)} is not in the domain ${domain} of the ${channel} scale, so its mark would be drawn ${channel === 'color' || channel === 'fill' || channel === 'stroke' ? 'in no colour' : 'nowhere'}; add it to the domain or remove the domain`
      : `${value} in column ${q(column)} is outside the domain ${domain} of the ${channel} scale, so its mark would be drawn off the plot; widen the domain or remove it`,
  offsetDate: (value: string, column: string, written: string, utcDate: string, utcTime: string) =>
    `${q(value)} in column ${q(column)} carries a time-zone offset, and the chart is drawn in UTC, so its mark stands at ${utcDate} ${utcTime} UTC` +
    (utcDate !== written ? `, on another day than the ${written} written (a year or month summed from it counts it there)` : `, not at the time written`) +
    `; write the date alone (${written}), or the time in UTC (ending in Z)`,
  dayNotInMonth: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} names a day its month does not have, so Vega would draw it on a day of the next month; correct the date`,
  notADate: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} is not a date the spec's time axis can read, so its mark would be drawn nowhere; write dates as YYYY, YYYY-MM or YYYY-MM-DD`,
  numberOnTimeAxis: (value: number, column: string) =>
    `${value} in column ${q(column)} is a number on a time axis, which Vega reads as milliseconds since 1970` +
    (excelSerialDate(value) ? `; it looks like a spreadsheet's date serial number (${value} is ${excelSerialDate(value)}), saved by a column formatted as a number: format the column as a date (YYYY-MM-DD) in the spreadsheet and save again` : `; write dates as YYYY-MM-DD (or whole years), or plot the column as "quantitative"`),
  normalizeNegative: (value: number, column: string) =>
    `${value} in column ${q(column)} is negative, but "stack": "normalize" draws every value as a positive share of its stack's total; ` +
    `draw the negative parts apart (a diverging bar) or stack without "normalize"`,
  // Checks of the drawn chart (src/checks/drawnChecks.ts): values after transforms and aggregates.
  drawnOffPlot: (fromBase: boolean, marktype: string, edge: string, by: number, count: number, channel: string, value: string | undefined, row: string, domain: string | undefined) => {
    const marks = ({ rect: ['bar', 'bars'], symbol: ['point', 'points'], line: ['line', 'lines'], area: ['area', 'areas'], trail: ['line', 'lines'] } as Record<string, [string, string]>)[marktype] ?? ['mark', 'marks'];
    const what = count === 1 ? `a ${marks[0]}` : countOf(count, marks[0], marks[1]);
    const drawn = value !== undefined ? ` (${row ? `${row}: ` : ''}${value})` : row ? ` (${row})` : '';
    return `${what} would be drawn ${count === 1 ? '' : 'up to '}${Math.round(by)} px past the plot's ${edge} edge${drawn}, off the ${channel} axis, where a reader cannot read ${count === 1 ? 'its value' : 'their values'}` +
      (fromBase
        ? `: a bar is drawn from 0, and the scale's ${domain} leaves 0 out; include 0 in the domain, or draw points or a line, whose positions need no zero`
        : (domain ? `: the scale's ${domain} leaves out a value the chart draws` : '') +
          `; widen or remove the domain, or set "clip": true on the mark to cut ${count === 1 ? 'it' : 'them'} at the edge on purpose (and say so in a note)`);
  },
  drawnNowhere: (marktype: string, count: number, channel: string, row: string, domain: string | undefined) => {
    const marks = marktype === 'rect' ? ['bar', 'bars'] : ['point', 'points'];
    return `${count === 1 ? `a ${marks[0]}` : countOf(count, marks[0]!, marks[1])}${row ? ` (${count === 1 ? '' : 'the first: '}${row})` : ''} would be drawn nowhere: ${count === 1 ? 'its' : 'their'} value has no place on the ${channel} scale` +
      (domain ? `, whose ${domain} leaves it out` : '') +
      `; add the value to the domain, or remove the domain (a filter leaves rows out on purpose)`;
  },
  normalizeNegativeDrawn: (column: string, aggregate: string | undefined, value: number, row: string) =>
    `${aggregate ? `the ${aggregate} of ${q(column)}` : q(column)}${row ? ` for ${row}` : ''} is ${value}, negative, but "stack": "normalize" draws every value as a positive share of its stack's total; ` +
    `draw the negative parts apart (a diverging bar) or stack without "normalize"`,
  negativeSlice: (column: string, aggregate: string | undefined, value: number, row: string) =>
    `${aggregate ? `the ${aggregate} of ${q(column)}` : q(column)}${row ? ` for ${row}` : ''} is ${value}, negative, but a pie or donut draws every value as a slice of the whole, so it would show as a positive share; ` +
    `draw bars, which can go below zero, or leave the row out with a filter`,
  yearsAsNumbers: (column: string, channel: string, first: number) =>
    `column ${q(column)} holds years, but on a quantitative ${channel} axis Vega-Lite labels them as amounts, with a thousands comma and ticks between the years ("${first.toLocaleString('en')}.5"); ` +
    `plot it as "type": "temporal" (citechart reads whole years as years), or give the axis "format": "d" and "tickMinStep": 1`,
  stackGap: (series: string, missing: string, column: string) =>
    `${q(series)} has no row at ${q(missing)}, which other series of this stacked area have: Vega-Lite stacks the areas with its ${q(column)} there taken as 0, so the chart shows ${q(series)} falling to zero while the table has no figure; ` +
    `add the row with its figure, or draw lines, which do not stack`,
  unstackedLabels: (column: string, channel: string, mark: string, split: string | undefined) =>
    `this text layer does not stack its labels on ${channel} as the ${mark}s it labels are stacked${split ? ` by ${q(split)}` : ''}: Vega-Lite stacks text only when told to, and a text stack split by "detail" in the opposite order, ` +
    `so a label sits on another part than its own (or at its row's own ${q(column)}, inside the first part); ` +
    `stack the labels as the ${mark}s: give the text layer's ${channel} "stack": "zero"${split ? `, "detail": {"field": ${q(split)}} and "order": {"field": ${q(split)}, "sort": "ascending"} (the ${mark}s' order; use theirs if they have an "order")` : ''}, with "align" and "dx" to put each label inside its part's end`,
  mixedSignArea: (value: number, column: string) =>
    `${value} in column ${q(column)} is negative while other values stacked with it are positive: stacked areas of mixed signs overlap and their outline means nothing; draw lines, or grouped bars`,
  missingDrawn: (column: string, channel: string, invalid: string) =>
    `this ${column === '' ? 'cell' : `cell of column ${q(column)}`} is empty, and the mark's "invalid": ${invalid} draws a missing value on ${channel} as if it were zero (or at the axis edge); ` +
    `remove "invalid" so gaps stay gaps, or fill in the value`,
  missingLeftOut: (column: string, mark: string) =>
    `this cell of column ${q(column)} is empty, so the ${mark === 'arc' ? 'pie' : mark} chart draws nothing for its row: its label is left out too (a reader sees no trace of it), or, on an axis sorted by value, left beside an empty place that reads as zero; ` +
    `fill in the figure, or remove the row and say in a note that it has none`,
  lowContrastText: (text: string, foreground: string, background: string, ratio: number, count: number, minimum: number, field?: string) =>
    `the label ${q(text)} is drawn in ${foreground} on a mark filled ${background}, a contrast of ${ratio.toFixed(1)}:1` +
    `${count > 1 ? ` (and ${count - 1} more label${count > 2 ? 's' : ''} of this layer under ${minimum}:1)` : ''}, ` +
    `under the ${minimum}:1 WCAG 2.x asks even of large text (SC 1.4.3), so readers cannot read it; ` +
    `colour the text by the value it stands on, e.g. "color": {"condition": {"test": "datum.${field !== undefined && /^[A-Za-z_$][\w$]*$/.test(field) ? field : 'value'} > 60", "value": "white"}, "value": "black"} with the test your dark marks meet (a value past a threshold, or below 0 for negative bars), or give the text a halo ("stroke" in a contrasting colour)`,
  repeatedTickLabel: (channel: string, text: string, first: string, second: string, fix: string, width?: number) =>
    `${width === undefined ? '' : `at the ${width} px width, `}two ticks of the ${channel} axis are labelled ${q(text)} (at ${first} and at ${second}): the labels' format writes less than tells the ticks apart, ` +
    `so a label stands at a place it does not name and a reader reads the marks beside it as another ${channel === 'x' || channel === 'y' ? 'value' : 'one'}; ${fix}`,
  crowdedLabels: (channel: string, first: string, second: string, gap: number, why: string, width?: number) =>
    `${width === undefined ? '' : `at the ${width} px width, `}the ${channel} axis draws the labels ${q(first)} and ${q(second)} ` +
    `${gap < 0 ? 'overlapping' : `${Math.round(gap * 10) / 10} px apart`}, so they read as one (${q(`${first} ${second}`)}); ${why}`,
  overlappingText: (text: string, other: string, otherKind: 'mark' | 'axis' | 'legend', width?: number) =>
    `${width === undefined ? '' : `at the ${width} px width, `}the text label ${q(text)} is drawn over ${otherKind === 'mark' ? 'the label' : `the ${otherKind} label`} ${q(other)}, so neither can be read; ` +
    `label fewer rows (a "filter" in the text layer), move the labels apart ("dx", "dy", "align"), or give the chart more room`,
  clippedText: (text: string, role: string, edge: string, by: number, autosize: boolean, width?: number) =>
    `${width === undefined ? '' : `at the ${width} px width, `}the ${TEXT_ROLES.get(role) ?? 'text'} ${q(text)} runs ${by} px past the ${edge} edge of the graphic, where the SVG and PNG cut it; ` +
    (autosize
      ? `remove "autosize" (Vega then makes room for every text), or give the chart more "padding"`
      : `give the chart more "padding", or move the text in ("dx", "dy", "align")`),
  crowdedBySetting: (key: 'labelOverlap' | 'labelSeparation', value: unknown, gap: number) =>
    key === 'labelOverlap'
      ? `"labelOverlap": false keeps every label however near; remove it, and Vega-Lite hides every other label until they stand ${gap} px apart`
      : `"labelSeparation": ${JSON.stringify(value)} lets labels stand that near; remove it (citechart keeps them ${gap} px apart) or make it at least ${gap}`,
  crowdedByVega: (nominal: boolean, channel: string, gap: number) =>
    nominal
      ? channel === 'y'
        ? `Vega-Lite hides no label of a category axis; give each category more height ("height": {"step": 24}) or fewer categories`
        : `Vega-Lite hides no label of a category axis; shorten the names, turn them ("labelAngle": -90 in the axis), or put the categories on the y axis (horizontal bars)`
      : `Vega keeps an axis' first and last labels however near (and hides fewer when the theme sets "labelOverlap" false or a "labelSeparation" under ${gap}); give the chart more width, fewer ticks ("tickCount"), or a shorter "format", so they stand ${gap} px apart`,
  repeatedTickFixDate: (unit: string | undefined) =>
    unit
      ? `put the ticks on the unit the format writes: "tickCount": {"interval": ${q(unit)}, "step": 1} in the axis, or a format that writes the ticks' own unit`
      : `put the ticks on the unit the format writes ("tickCount": {"interval": "month", "step": 1} in the axis for "%b %Y"), or a format that writes the ticks' own unit`,
  repeatedTickFixNumber: (step: string) => `give the axis "tickMinStep": ${step} (the smallest step the format writes), or a format with more decimals`,
  emptyCategory: (column: string, channel: string, mark: string) =>
    `this cell of column ${q(column)} is empty, but the ${channel === 'text' ? 'text label' : channel === 'row' || channel === 'column' || channel === 'facet' ? 'panel header' : channel === 'x' || channel === 'y' ? `${channel} axis` : 'legend'} writes each of its values, so Vega-Lite would publish this ${mark === 'arc' ? 'slice' : mark}'s row under the word "null"; ` +
    (channel === 'text'
      ? `fill in the label, or draw only the labelled rows: give the text layer {"filter": ${q(`isValid(${datum(column)}) && ${datum(column)} !== ''`)}}`
      : `fill in the name, or remove the row (and say in a note what it held)`),
  percentTimes100: (column: string, format: string, why: 'written' | 'share-over-1' | 'percent-name' = 'written', example = 61) =>
    (why === 'written'
      ? `column ${q(column)} is written in percent (61% is read as 61), but the format ${q(format)} multiplies by 100 and would print 6100%; `
      : `column ${q(column)} holds percentage points, not fractions: ${
          why === 'share-over-1' ? `it is named a share of a whole and holds ${example}, which no fraction of a whole exceeds` : `its name says percent and most of its figures are beyond ±1, such as ${example}`
        }; the format ${q(format)} multiplies by 100 and would print ${timesHundred(example)}%; `) +
    `use a format without "%" such as ".0f" and say "(%)" in the title, or divide first: {"calculate": ${q(`${datum(column)} / 100`)}, "as": ${q(`${column}_fraction`)}}`,
  quantizeNice: (column: string, channel: string) =>
    `"nice" on the quantize scale of ${channel} (column ${q(column)}) widens its domain to round ends before cutting it into equal classes (figures from -3 to 237 are classed over -20 to 240), so the legend shows a range no figure has, and the bounds between classes are no rounder for it (32, 84, 136, 188 there); ` +
    `remove "nice" (the classes then run from the lowest figure to the highest, and the legend writes both), or give the round bounds you want as a threshold scale, e.g. "scale": {"type": "threshold", "domain": [0, 50, 100, 150, 200]}`,
  repeatedClassLabel: (channel: string, text: string, first: string, second: string, ownFormat: boolean) =>
    `two class bounds of the ${channel} legend are labelled ${q(text)} (${first} and ${second}): the legend's format writes less than tells them apart, so a reader cannot tell which colour a figure near ${text} gets; ` +
    (ownFormat ? `give the legend a format with more decimals (e.g. ".1f"), or remove its "format"` : `give the legend a format with more decimals, e.g. "legend": {"format": ".1f"}`),
  tiedQuantiles: (channel: string, colours: number, classes: number) =>
    `the quantile scale of ${channel} has ${colours} colours but its legend shows ${classes} classes: many figures are tied at one value, so quantile bounds coincide, the classes between them hold no figure, and the legend leaves them out (the colours it shows are not the scale's steps); ` +
    `use a threshold scale with bounds you choose, e.g. "scale": {"type": "threshold", "domain": [10, 100, 1000]}, or fewer colours ("scheme": {"name": "blues", "count": ${classes}})`,
  divergingMidpoint: (channel: string, scheme: string, low: string, high: string, middle: { kind: 'meet'; at: string } | { kind: 'class'; from: string; to: string }, wrong: string) =>
    `the ${channel} scale's diverging scheme ${q(scheme)} tells figures below its middle from those above by two hues, but ${
      middle.kind === 'meet' ? `its hues meet at ${middle.at}` : `its neutral middle class runs from ${middle.from} to ${middle.to}`
    }, not at 0, though the figures run from ${low} to ${high}: ${wrong} is drawn in the hue of figures ${Number(wrong) > 0 ? 'below' : 'above'} 0, and a reader reads a ${Number(wrong) > 0 ? 'rise as a fall' : 'fall as a rise'}; ` +
    `give a threshold scale whose middle is 0, e.g. "scale": {"type": "threshold", "domain": [-50, -10, 10, 50], "scheme": ${q(scheme)}} (an odd number of colours: the middle class holds 0; an even number: 0 is the middle bound), or a one-hue scheme such as "blues"`,
  siPrefix: (format: string) =>
    `the format ${q(format)} prints SI prefixes (G for billions, M for millions, µ, m), which newsroom readers do not read; ` +
    `divide the values (e.g. {"calculate": "datum.value / 1e9", "as": "value_bn"}), format with ",.1f" and say "bn" or "m" in the title`,
  dateComparedAsText: (column: string, written: string, literal: string) =>
    `${q(column)} is plotted on a time axis, so Vega-Lite reads its cells as dates before any filter, and ${written} compares a date with the text ${q(literal)}: ` +
    `"==" is never true and "!=" always, so the filter keeps the rows it was written to drop (or drops them all); ` +
    `compare dates: time(${datum(column)}) != time(toDate(${q(literal).replace(/^"|"$/g, "'")})), or a predicate with "timeUnit"`,
  yearAsDate: (column: string, written: string) =>
    `${q(column)} holds whole years plotted on a time axis, so citechart hands them to Vega as dates and ${written} is never true; ` +
    `compare the year: write year(${datum(column)}) in the expression, or give the predicate "timeUnit": "year"`,
  filterKeepsNothing: () =>
    `this filter keeps no row, so its layer draws nothing (a label or mark silently missing); fix the filter or remove the layer`,
  tooltip: () =>
    `tooltips show only when a reader hovers in a live Vega view; citechart's SVG, PNG and HTML snippet are static, so no reader sees this; ` +
    `put the values in labels (a text mark) or leave the tooltip out`,
  emptyExtent: (field: string) =>
    `no row reaches field ${q(field)} here, so this mark draws nothing and its scale has no domain (Vega: infinite extent); check the filters and field names of this layer`,
  logDomainZero: (domain: string) =>
    `the log scale's domain ${domain} includes zero or negatives, so marks are pinned to the edge and the axis loses its labels; use a linear scale or filter out values ≤ 0`,
  judged: (source: string, reason: string, fix: string) => `${source}: ${fix ? `${reason.replace(/\.$/, '')}; ${fix}` : reason}`,
  fixDroppedChannel: () => `remove it from the spec, or change the mark so it is drawn`,
  fixScaleType: () => `set a scale type that works with this channel and mark, or remove it`,
  fixStackNonLinear: () => `stacks add lengths, which only a linear scale shows: remove the scale type or "stack"`,
  fixMissingType: () => `give the channel a "type" ("quantitative", "nominal", "ordinal" or "temporal")`,
  fixConflict: () => `make the layers' titles, formats and scales agree, or resolve them as independent`,
};

// ── build and check ─────────────────────────────────────────────────────────
export const build = {
  unknownChart: (name: string, known: string[]) =>
    `no spec named ${q(name)} in specs/` + (known.length ? ` (charts: ${known.join(', ')})` : ''),
  noSpecs: () => `no specs found: add a Vega-Lite spec as specs/NAME.vl.json`,
  notAProject: (cwd: string) => `${cwd} is not a citechart project: it has no data/ or specs/ folder`,
  built: (name: string, files: string[]) => `built ${showInvisible(name)}: ${files.map(showInvisible).join(', ')}`,
  failed: (name: string, kept: boolean) => `failed ${showInvisible(name)}: ${kept ? 'previous output kept' : 'nothing written'}`,
  pngFailed: (reason: string, width: number, height: number) =>
    `the PNG cannot be drawn (${reason}); the chart is ${width}×${height} px, check its width and height`,
  summary: (built: number, failed: number) =>
    `${countOf(built, 'chart')} built` + (failed ? `, ${failed} failed` : ''),
  /** The one line every build ends with; the time is wall-clock seconds. */
  buildSummary: (counts: { built: number; upToDate: number; failed: number; seconds: number }) =>
    `${countOf(counts.built, 'chart')} built` +
    (counts.upToDate ? `, ${counts.upToDate} up to date` : '') +
    (counts.failed ? `, ${counts.failed} failed` : '') +
    ` in ${counts.seconds.toFixed(1)} s`,
  progress: (done: number, total: number, current: string, etaSeconds?: number) =>
    `[${done}/${total}] ${current}` + (etaSeconds === undefined ? '' : ` · about ${Math.ceil(etaSeconds)} s left`),
  unknownFormat: (format: string, known: string[]) =>
    `unknown format ${q(format)} for --formats (formats: ${known.join(', ')})`,
  badJobs: (value: string) => `--jobs takes a whole number of at least 1, not ${q(value)}`,
  badScale: (value: string, min: number, max: number) =>
    `--scale takes a number of PNG pixels per CSS pixel from ${min} to ${max} (e.g. 3), not ${q(value)}`,
  checkSummary: (errors: number, warnings: number) =>
    `${countOf(errors, 'error')}, ${countOf(warnings, 'warning')}`,
  outputAmongInputs: (out: string, folder: string) =>
    `--out ${out}: the output folder would be ${out === folder ? '' : 'inside '}${folder}/, among the project's inputs (watch would take each file written for a save); choose a folder of its own, such as output/ (the default)`,
  caseClash: (name: string, other: string) =>
    `specs ${q(name)} and ${q(other)} differ only in case: on macOS and Windows their outputs would be one file; rename one`,
  removed: (file: string) => `removed ${file}: no chart writes it any more`,
  moreProblems: (count: number, file: string, max: number) =>
    `and ${countOf(count, 'more problem')} like these in ${file} (only the first ${max} of a file are listed); fix those above and run check again`,
  internal: (reason: string) =>
    `internal error: ${reason}\nThis is a bug in citechart, not in your files; please report it.`,
  outOfMemory: (limitMb: number) =>
    `drawing this chart needed more than ${limitMb} MB of memory, so it was stopped (the other charts are built); ` +
    `aggregate or filter its data, or set CITECHART_CHART_HEAP_MB to allow more`,
  badChartHeapMb: (value: string) =>
    `CITECHART_CHART_HEAP_MB is ${JSON.stringify(value)}, not a whole number of megabytes; ` +
    `set it to one (2048 for 2 GB) or unset it for the default`,
  badSnapshot: (value: string) =>
    `CITECHART_SNAPSHOT is ${JSON.stringify(value)}; set it to off (start without the startup snapshot) or on, or unset it for the default (on)`,
};

// ── write: files in output/ (src/write) ────────────────────────────────────
/** Why a file could not be written, by the error code the system gave (SHORT: read back otherwise than written). */
const WRITE_REASONS = new Map([
  ['ENOSPC', 'the disk is full (ENOSPC); free some space and build again'],
  ['EDQUOT', 'the disk quota is used up (EDQUOT); free some space and build again'],
  ['EROFS', 'the disk is read-only (EROFS); build into a writable folder (--out DIR)'],
  ['EACCES', "permission denied (EACCES); check the folder's permissions"],
  ['EPERM', "permission denied (EPERM); check the folder's permissions"],
  ['EISDIR', 'a folder is in its place (EISDIR); move the folder away and build again'],
  ['SHORT', 'the file read back is not what was written (the disk dropped bytes); check the disk and build again'],
]);
const writeReason = (code: string) => WRITE_REASONS.get(code) ?? `${code}; check the folder's permissions and free space`;

export const write = {
  /** `file` is shown as the diagnostic's path; this is the sentence after it. */
  cannotWrite: (code: string) => `cannot write: ${writeReason(code)}`,
  link: () =>
    `this is a symbolic link: citechart never writes through a link (it could point anywhere, even out of the project); delete the link and build again`,
  notFolder: () => `this is not a folder, but the build writes its files here; move it away or pass --out DIR`,
  /** `host` only when the lock was taken on another machine (a shared folder). */
  locked: (pid: number | undefined, host?: string) =>
    `another build${pid ? ` (pid ${pid}${host ? ` on ${host}` : ''})` : ''} is writing this folder; wait for it to finish and build again` +
    ` (if none is running, delete the file .citechart.lock in it)`,
  /** Why a manifest.json is not JSON: where it first breaks (1-based line and column) and `problem` (`invalid JSON: …`). */
  manifestNotJsonAt: (line: number, column: number, problem: string) => `it is not JSON: at line ${line}, column ${column}, ${problem}`,
  manifestGarbled: (reason: string) => `${reason}; it is not what citechart writes (a hand edit or a merge conflict?) and is ignored: it is rewritten by this build`,
  manifestEntryGarbled: (name: string) =>
    `the entry of chart ${q(name)} is not what citechart writes (a hand edit or a merge conflict?); it is dropped and rewritten when the chart is built`,
};

// ── shard: sharded builds and manifest --merge (src/shard) ─────────────────
/** At most `max` names, then how many more: a list of a thousand charts is not read. */
const someOf = (names: string[], max = 5) =>
  names.slice(0, max).map(q).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

export const shard = {
  badShard: (value: string, max: number) =>
    `--shard takes K/N, shard K of N with 1 ≤ K ≤ N ≤ ${max} (e.g. --shard 2/3), not ${q(value)}`,
  withNames: () => `--shard slices the whole project: name no charts with it (or build them without --shard)`,
  built: (label: string, charts: number, total: number, file: string) =>
    `shard ${label}: ${charts} of ${countOf(total, 'chart')}; merge ${file} with the other shards' manifests (citechart manifest --merge)`,
  merged: (shards: number, charts: number, file: string) =>
    `merged ${countOf(shards, 'shard manifest')}: ${countOf(charts, 'chart')} in ${file}`,
  noManifests: () => `manifest --merge takes the shard manifests to merge: output/manifest.shard-*.json`,
  nothingMerged: () => `nothing written: fix the shard manifests above (or build the shards again) and merge again`,
  unreadable: (reason: string) => `cannot read this shard manifest: ${reason}`,
  /** `where`: the field (`shard`, `charts.NAME`) or "the file". */
  malformed: (where: string, expected: string) =>
    `not a shard manifest as citechart build --shard writes it: ${where} should be ${expected}; build this shard again rather than editing the file`,
  expectedShardManifest: () => `an object with "generator": "citechart" and a "shard" object (a manifest.shard-K-of-N.json)`,
  expectedShard: (max: number) => `{"index": K, "count": N} with whole numbers 1 ≤ K ≤ N ≤ ${max}`,
  expectedNames: () => `the list of every chart name of the project`,
  expectedOptions: () => `{"formats": [...], "theme": "light" or "dark"}`,
  expectedVersions: () => `an object of package versions`,
  expectedInputs: () => `a list of {"file", "sha256"}`,
  expectedCharts: () => `an object of chart entries by name`,
  expectedEntry: () => `a chart entry with "title", "files", "sources" and "inputs"`,
  otherCount: (label: string, firstFile: string, firstLabel: string) =>
    `this is shard ${label} but ${firstFile} is shard ${firstLabel}: merge the N manifests of one build with --shard K/N`,
  givenTwice: (label: string, otherFile: string) =>
    `this is shard ${label}, and so is ${otherFile}: their charts overlap; give each shard's manifest once`,
  missingShard: (label: string) =>
    `no manifest of shard ${label} was given, so its charts would be missing; build it (citechart build --shard ${label}) and merge its manifest with the others`,
  otherCharts: (extra: string[], missing: string[]) =>
    `this shard was built from another set of specs than the project here` +
    (extra.length ? ` (it has ${someOf(extra)}, which the project here has not)` : '') +
    (missing.length ? ` (it lacks ${someOf(missing)})` : '') +
    `; build every shard and merge from the same commit`,
  otherInputs: (files: string[]) =>
    `this shard was built from other inputs than the project here: ${someOf(files)} ${noun(files.length, 'differs', 'differ')}; build every shard and merge from the same commit`,
  otherOptions: (options: string, firstFile: string, firstOptions: string) =>
    `this shard was built with ${options}, but ${firstFile} with ${firstOptions}: build every shard with the same options`,
  otherVersions: (versions: string[]) =>
    `this shard was built by other versions than the citechart merging: ${versions.slice(0, 5).join(', ')}${versions.length > 5 ? ` and ${versions.length - 5} more` : ''}; build every shard and merge with the same citechart (npm ci from one lockfile)`,
  wrongShard: (name: string, owner: string) =>
    `chart ${q(name)} belongs to shard ${owner}, not this one: this file was not written by citechart build --shard; build the shard again`,
  chartsMissing: (names: string[], label: string) =>
    names.length === 1
      ? `chart ${q(names[0]!)} of shard ${label} is not in it: it failed to build there; fix it, build the shard again and merge again`
      : `${names.length} charts of shard ${label} are not in it (${someOf(names)}): they failed to build there; fix them, build the shard again and merge again`,
  graphicMissing: (file: string, label: string) =>
    `${file} (of shard ${label}) is not there: copy every shard's output folder into it before merging`,
};

// ── watch and the preview pages ─────────────────────────────────────────────
export const watch = {
  listening: (url: string) => `previewing at ${url} (Ctrl-C to stop)`,
  rebuilt: (name: string, ms: number) => `rebuilt ${showInvisible(name)} in ${Math.round(ms)} ms`,
  upToDate: (name: string) => `${showInvisible(name)} is up to date (its files in output/ match its inputs)`,
  failed: (name: string) => `failed ${showInvisible(name)}: the page shows the errors; the last good graphic stays in output/`,
  removed: (name: string) => `removed ${showInvisible(name)}: its spec was deleted`,
  badPort: (value: string) => `--port ${q(value)} is not a port number (0 to 65535; 0 picks a free port)`,
  portInUse: (port: number) => `port ${port} is in use: pass another --port, or --port 0 for any free port`,
};

export const preview = {
  galleryTitle: () => `Charts`,
  galleryIntro: (count: number) =>
    `${countOf(count, 'chart')} as published, with their sources. Written by citechart build.`,
  watchTitle: () => `citechart preview`,
  watchIntro: () => `Charts rebuild when you save a CSV, sources.csv, the theme or a spec; open pages update by themselves.`,
  noCharts: () => `No charts yet: add a Vega-Lite spec as specs/NAME.vl.json.`,
  noSuchChart: (name: string) => `There is no spec named ${q(name)} in specs/ (any more).`,
  backToIndex: () => `← all charts`,
  statusPending: () => `building…`,
  statusBuilt: () => `built`,
  statusFailed: () => `failed`,
  sourcesHeading: () => `Sources`,
  unknownSource: () => `not in data/sources.csv`,
  warningsHeading: () => `Warnings`,
  failedHeading: () => `This chart did not build`,
  lastGoodShown: () => `Below is the last good graphic, still in output/. Fix the file and save: this page updates.`,
  nothingBuilt: () => `No graphic has been built yet. Fix the file and save: this page updates.`,
  noGraphic: () => `No graphic in output/ yet.`,
  pngLink: () => `PNG (2×)`,
  pngPreview: () => `The PNG as rendered`,
};

// ── geo: boundaries and maps (src/geo) ─────────────────────────────────────
export const geo = {
  unknownAtlas: (url: string, known: string[]) =>
    `${q(url)} is not a boundary file citechart ships; use one of ${known.map(q).join(', ')}, or put your own TopoJSON/GeoJSON in data/`,
  needsTopojson: (url: string, objects: string[]) =>
    `${q(url)} is TopoJSON: write "format": {"type": "topojson", "feature": ${objects.length ? objects.map(q).join(' or ') : 'OBJECT'}}`,
  unknownObject: (url: string, name: string | undefined, objects: string[]) =>
    `${q(url)} has no object ${q(name ?? '')}; "feature" must be one of ${objects.map(q).join(', ')}`,
  geojsonFormat: (url: string, type: string) =>
    `${q(url)} is GeoJSON: its format type is "json" (or leave "format" out), not ${q(type)}`,
  formatNotObject: () => `"format" must be an object such as {"type": "topojson", "feature": "countries"}`,
  unexpectedKey: (key: string) => `${q(key)} is not allowed with boundaries: a boundary data object has only "url", "format" and "name"`,
  unexpectedFormatKey: (key: string) => `${q(key)} is not allowed in a boundary format: write only "type" and "feature" (or "mesh")`,
  boundaryUncited: (url: string, id: string) =>
    `${url} has no source: add a row with id ${q(id)} (its file name without extension) to data/sources.csv`,
  notJson: (url: string, reason: string) => `${url} is not valid JSON: ${reason}`,
  notBoundaries: (url: string) => `${url} is neither a TopoJSON Topology nor a GeoJSON FeatureCollection`,
  emptyKey: () => `this cell is empty, but the map joins the table to its shapes by it: write the region's name or code`,
  unknownCode: (cell: string, list: string) => `${q(cell)} is not an ${list} code; check it, or write the country's name`,
  unknownRegion: (cell: string, url: string, suggestion?: string) =>
    `${q(cell)} is not a region of ${url}` + (suggestion ? `: did you mean ${q(suggestion)}?` : `; write its name, or an ISO 3166 code (alpha-2, alpha-3 or numeric)`),
  notOnMap: (cell: string, url: string) =>
    `${q(cell)} is not drawn on ${url}, so its figure would not appear; use a more detailed map (countries-50m) or leave the row out`,
  sameRegionTwice: (cell: string, firstLine: number) =>
    `${q(cell)} names a region already joined on line ${firstLine}: a map shows one figure per region`,
  boundaryKeyNotId: () => `a lookup between a table and boundaries joins by the shapes' "id": write "id" on the boundary side and the table's column on the other`,
  /** `chart`: the chart's name (NAME or NAME.LANG); `where`: labelPlace's words. */
  labelLeftOut: (chart: string, where: string, label: string) =>
    `${chart} ${where}: the map label ${q(label)} fits on its region nowhere, and no place in the sea near it can be joined to the region by a leader that crosses no other country, so it is left out there; shorten the name or draw the map larger, or, where the title or subtitle names the region, leave its row out of the label layers (a "filter" on them) to silence this`,
  /** Where a map is laid out: the graphic's own size, an artboard's width (px) or a social card's size. */
  labelPlace: (kind: 'own' | 'artboard' | 'card', width: number, height?: number) =>
    kind === 'own' ? `at its own width (${width} px)` : kind === 'artboard' ? `at the ${width} px artboard` : `on the ${width}×${height} social card`,
};

// ── verify ──────────────────────────────────────────────────────────────────
export const verify = {
  upToDate: (file: string) => `${file}: up to date`,
  // Paths come from the graphic's own record, which anyone can edit: shown with invisible characters escaped.
  stale: (file: string, changed: string[], missing: string[], outside: string[], added: string[] = [], rows: string[] = []) =>
    `${file}: stale (` +
    [
      ...rows,
      ...changed.map((input) => `${showInvisible(input)} changed since it was built`),
      ...missing.map((input) => `${showInvisible(input)} is missing`),
      ...added.map((input) => `${showInvisible(input)} was added since it was built`),
      ...outside.map((input) => `records ${q(input)}, outside the project: not read`),
    ].join('; ') +
    `); rebuild with \`npx citechart build\``,
  notAGraphic: (file: string) => `${file}: not a citechart graphic (it holds no citechart provenance)`,
  provenanceDamaged: (kind: string) =>
    `this ${kind} holds a citechart provenance record that does not read as one (damaged, or edited by hand), so nothing says what it was built from; rebuild it with \`npx citechart build\``,
  leftOver: (file: string) =>
    `${file}: left over: no chart writes it any more (its spec was deleted, or no longer asks for this width); delete it`,
  summary: (upToDate: number, stale: number, notGraphics: number, errors: number, leftOver = 0) =>
    [
      `${upToDate} up to date`,
      `${stale} stale`,
      ...(leftOver ? [`${leftOver} left over`] : []),
      ...(notGraphics ? [`${notGraphics} not ${noun(notGraphics, 'a citechart graphic', 'citechart graphics')}`] : []),
      ...(errors ? [countOf(errors, 'error')] : []),
    ].join(', '),
  notAProject: (root: string) =>
    `${root} is not a citechart project (no data/ or specs/ folder); run verify in the project or pass --project DIR`,
  nothingToVerify: () => `name the graphics to verify (citechart verify output/NAME.svg) or pass --all`,
  noGraphics: () => `no .svg, .png or .html graphics to verify here; run \`npx citechart build\` first`,
  incomplete: (kind: string) =>
    `this ${kind} is damaged or cut short (a full disk, an interrupted copy?), so it is not up to date whatever it records; rebuild with \`npx citechart build\``,
};

// ── check: editorial warnings (src/lint), each tagged with its rule id ─────
export const lint = {
  unexplainedColours: (field: string, colours: number, named: number) =>
    `map coloured by ${q(field)} with no legend, and its title and subtitle name ${named} of its ${colours} colours: a reader cannot tell what each means; add a legend, or say in the subtitle what each colour shows ("in blue, …")`,
  zeroBaseline: (mark: string, channel: string, how: string) =>
    `${mark} chart whose ${channel} axis does not start at zero (${how}): bar and area lengths then mislead; let the scale include 0`,
  missingUnit: (column: string, channel: string, title: string, percent: boolean) =>
    `column ${q(column)} on ${channel} has no unit: its title ${q(title)} and format name none (%, $, million, …); ` +
    (percent
      ? `its cells are written as percentages, so write ${q(`${title} (%)`)} (not a "%" format: it multiplies by 100 and would print 6100%)`
      : `write e.g. ${q(`${title} (%)`)} or ${q(`${title} (million $)`)}, or set a format`),
  missingUnitHidden: (column: string, channel: string) =>
    `column ${q(column)} on ${channel} has no unit and its title is not shown; say the unit in the chart's title or subtitle, or in its labels (e.g. a "%" format)`,
  sharesSum: (column: string, sum: string, group: string, tolerance: string) =>
    `column ${q(column)} holds shares of a whole but ${group ? `the rows of ${group} sum` : 'its rows sum'} to ${sum}, not 100 (± ${tolerance} for rounding); is a part missing or mistyped?`,
  quoteNumber: (numbers: string[], cells: string[]) =>
    `the quote says ${numbers.join(', ')} but no number of the row matches (${cells.join(', ')}); check the figure against its quote`,
  unusedSource: (id: string) => `source ${q(id)} is cited by no row of any table in data/; remove it or cite it`,
  tableNotDrawn: (file: string) => `no chart draws ${file}: its rows and their sources appear in no graphic`,
  /** `shrunk`: the chart is drawn smaller than its size in the column, so artboards would help; at an artboard or its own size they would not. */
  smallText: (what: string, example: string, size: number, shown: string, column: string, minimum: number, needed: number, shrunk = true) =>
    `${what} (${q(example)}): set at ${size} px, shown at ${shown} CSS px ${column}, under the ${minimum}-px minimum; ` +
    `set at least ${needed} px` +
    (shrunk ? `, or give the chart artboards ("widths" in usermeta.citechart, or the theme's citechart-artboard styles)` : ''),
  /** Where small text is read: a chart shrunk into the phone column, at its phone artboard, or at its own size. */
  smallTextPlace: (kind: 'column' | 'artboard' | 'own', width: number) =>
    kind === 'column' ? `in a ${width}-px phone column` : kind === 'artboard' ? `on its ${width}-px artboard` : `at the graphic's own size`,
  rowNotDrawn: (sources: string[]) =>
    `no chart draws this row (every spec using the table filters it out), so ${sources.map(q).join(', ')} is not cited for it in any graphic`,
};

// ── new: scaffolding a spec ─────────────────────────────────────────────────
export const scaffold = {
  /** `code`: the system's error code (ENOSPC, EROFS, EACCES, ENOTDIR…) for the spec or specs/. */
  cannotWrite: (code: string) =>
    `cannot write the spec: ` +
    (code === 'ENOSPC' || code === 'EDQUOT' ? `the disk is full (${code}); free some space` :
      code === 'EROFS' ? `the disk is read-only (EROFS); run new in a writable copy of the project` :
      code === 'EACCES' || code === 'EPERM' ? `permission denied (${code}); check the permissions of specs/` :
      code === 'ENOTDIR' || code === 'EEXIST' ? `specs is a file, not a folder (${code}); move it away` :
      `${code}; check the permissions of specs/ and free space`) +
    `, then run new again (nothing was written)`,
  exists: () => `this spec already exists; choose another name or delete it first (citechart never overwrites a spec)`,
  specsLink: () =>
    `this is a symbolic link: citechart never writes through a link (it could point anywhere, even out of the project), and build reads no spec through one; make specs/ a real folder and run new again`,
  badName: (name: string) => `chart name ${q(name)} should be lower-case letters, digits and dashes, e.g. "imports-2023"`,
  notDataTable: (file: string) => `${q(file)} is not a table of figures in data/: use --data data/NAME.csv`,
  unknownData: (known: string[], suggestion?: string) =>
    `no such table in data/` + (suggestion ? `; did you mean ${q(suggestion)}?` : known.length ? ` (tables: ${known.join(', ')})` : ''),
  created: (file: string, kind: string) => `created ${file} (${kind}); run \`npx citechart build\` to draw it`,
  tableHasErrors: (file: string) => `${file} has errors (above); fix them, then run \`citechart new\` again`,
  noValueColumns: (file: string) => `${file} has no value columns besides its citation columns; nothing to chart`,
  noRows: (file: string) => `${file} has a header but no rows; add its figures, then run \`citechart new\` again`,
  bigTable: (file: string) =>
    `${file} is a big table (a Parquet file or folder, or a CSV from the big-table size): citechart new reads a table row by row and cannot choose a chart for one; ` +
    `write specs/NAME.vl.json by hand with "data": {"url": "${file}"} (see "Big tables" in the README)`,
};

// ── text: fonts and glyphs ──────────────────────────────────────────────────
const COVERED_SCRIPTS = 'Devanagari, Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic';
export const text = {
  missingGlyph: (chars: string[]) =>
    `no bundled font draws ${chars.map((c) => `${q(c)} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}: ` +
    `it would show as an empty box in the graphic; replace or remove it (fonts cover Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew, ${COVERED_SCRIPTS} and emoji)`,
  pdfComplexScript: (scripts: string[]) =>
    `no PDF made: its text in ${scripts.join(', ')} would be drawn with its letters unjoined or misplaced (the PDF writer does not shape these scripts yet); the SVG and PNG are drawn right: use them for print, or leave "pdf" out of --formats`,
};
// ── the fact-check trail: row keys, verify's row changes, corrections, publish, impact (src/trail) ──
export const trail = {
  keyColumnUnknown: (column: string, columns: string[]) =>
    `primaryKey names ${q(column)}, which is not a value column of the table (${columns.map(q).join(', ')}); name the column(s) that identify a row`,
  duplicateKey: (key: string, columns: string[], firstLine: number) =>
    `key ${q(key)} (${columns.join(', ')}) is already used by the row on line ${firstLine}; each row needs its own key: fix the figure or add a column to primaryKey`,
  rowChanged: (table: string, key: string, column: string, old: unknown, now: unknown) =>
    `${table} row ${q(key)}: ${column} was ${show(old)}, now ${show(now)}`,
  rowRemoved: (table: string, key: string) => `${table} row ${q(key)} drawn in it is gone`,
  rowAdded: (table: string, key: string) => `${table} row ${q(key)} was added, and the graphic draws every row of the table`,
  rowsChanged: (table: string, count: number, cap: number) =>
    `${table}: some of its ${count} drawn rows changed (over ${cap} drawn rows, the graphic records a digest of the whole table, not each value)`,
  tableUnreadable: (table: string) => `${table} cannot be read now (run \`npx citechart check\`)`,
  sourceChanged: (id: string, field: string, old: unknown, now: unknown) => `source ${q(id)}: ${field} was ${show(old)}, now ${show(now)}`,
  sourceRemoved: (id: string) => `source ${q(id)} it cites is no longer in data/sources.csv`,
  correctionColumns: (columns: string[]) =>
    `data/corrections.csv needs the columns ${columns.join(', ')} (date and what, and chart or table, at least); fix its header`,
  correctionDate: (date: string) => `correction date ${show(date)} is not a date written YYYY-MM-DD (e.g. 2024-05-02); write the day the correction was made`,
  correctionWhat: () => `this correction says nothing in "what"; write what changed, as readers will see it ("China's share was 91%, not 90%")`,
  correctionTarget: () => `this correction names no chart and no table; fill "chart" (a spec name) or "table" (data/NAME.csv) and, for one figure, "row" (its key)`,
  correctionTable: (table: string) => `correction table ${q(table)} is not a table path; write it as data/NAME.csv`,
  correctionSource: (id: string) => `correction source ${q(id)} is not an id in data/sources.csv; add the source or fix the id`,
  publishedGarbled: () => `this is not what \`citechart publish\` writes; restore published.json from git, or publish the chart again`,
  uncorrected: (chart: string, figure: string, published: string, corrections: string) =>
    `chart ${q(chart)} was published (${published}) and ${figure}; add a row to ${corrections} (date, chart or table and row, what, why, source) saying what changed, or undo the change`,
  figureChanged: (table: string, key: string, column: string, old: unknown, now: unknown) =>
    `its figure ${column} of ${table} row ${q(key)} would change from ${show(old)} to ${show(now)}`,
  figureRemoved: (table: string, key: string) => `it would no longer draw ${table} row ${q(key)}`,
  figureAdded: (table: string, key: string) => `it would now also draw ${table} row ${q(key)}`,
  figuresChanged: (table: string) => `the rows it draws of ${table} changed (too many to record each)`,
  nothingToPublish: () => `name the charts to publish: citechart publish NAME…`,
  publishUnknown: (name: string) => `no chart ${q(name)} (specs/${name}.vl.json); publish charts by their spec names`,
  publishUnbuilt: (name: string) => `chart ${q(name)} has no graphic to publish; run \`npx citechart build ${name}\` first`,
  publishStale: (name: string) => `the graphic of ${q(name)} is not up to date with its data (\`citechart verify\` says why); build it, look at it, then publish`,
  published: (name: string, rows: number, file: string) => `published ${name}: its ${countOf(rows, 'drawn row')} recorded in ${file}`,
  impactWhat: () => `name a source id, a table (data/NAME.csv) or a row (data/NAME.csv#KEY): citechart impact reuters-2024`,
  impactCites: (id: string) => `cites ${q(id)}`,
  impactDrawsTable: (table: string, rows: number) => `draws ${countOf(rows, 'row')} of ${table}`,
  impactDrawsRow: (table: string, key: string) => `draws ${table} row ${q(key)}`,
  impactHit: (chart: string, reason: string, files: string[]) => `${chart}: ${reason} (${files.join(', ')})`,
  impactNone: (target: string) =>
    `no graphic of the last build draws or cites ${q(target)} (output/manifest.json); a source is named by its id, a row as data/NAME.csv#KEY`,
  correctionAdded: (date: string, what: string) => `data/corrections.csv has a correction of ${date} it does not show (${q(what)})`,
  correctionRemoved: (date: string, what: string) => `it shows a correction of ${date} no longer in data/corrections.csv (${q(what)})`,
  correctionUnknownChart: (chart: string) => `this correction names chart ${q(chart)}, which no spec in specs/ draws: it covers nothing and shows nowhere; fix the name`,
  correctionUnknownTable: (table: string) => `this correction names table ${q(table)}, which is not in data/: it covers nothing and shows nowhere; fix the path`,
};

const show = (value: unknown) => (value === null || value === undefined || value === '' ? '(empty)' : typeof value === 'number' ? String(value) : q(String(value)));
// ── locales and translated editions ─────────────────────────────────────────
export const locale = {
  unreadTranslation: (file: string, tag: string, languages: readonly string[]) =>
    `${q(file)} looks like a translation, but ${q(tag)} is not a language citechart has words for (${languages.join(', ')}), so no edition is built from it: rename it NAME.LANG.json (e.g. NAME.fr.json, NAME.de-CH.json)`,
  unknown: (tag: string, languages: readonly string[]) =>
    `locale ${q(tag)} is not one citechart writes: use a BCP 47 tag whose language is one of ${languages.join(', ')} (e.g. "fr" or "de-CH")`,
  themeLocaleNotText: () => `the theme's "locale" must be a BCP 47 tag such as "fr-FR"; citechart hands Vega the number and date formats itself`,
  untranslated: (text: string, language: string, file: string) =>
    `${q(text)} has no ${language} translation: add it to ${file}, mapping the English text to its translation`,
  untranslatedColumn: (column: string, language: string, file: string) =>
    `column ${q(column)} has no ${language} header for the snippet's data table, where it would show in English: add ${q(column)} to "strings" in ${file}, mapping it to the header, or give the column a "title" in the spec's encoding and translate that`,
  translationNotUsed: (text: string) => `the translation of ${q(text)} is used by no string of the chart; remove it or fix the English text`,
  translationNotText: (key: string) => `the translation of ${q(key)} must be a string`,
  translationTooLong: (key: string, length: number, limit: number) =>
    `the translation of ${q(key.length > 60 ? `${key.slice(0, 57)}…` : key)} is ${countOf(length, 'character')} long, over citechart's limit of ${limit.toLocaleString('en-US')} ` +
    `(as long as a CSV cell may be): shorten it`,
  tooManyTranslations: (key: string, count: number, limit: number) =>
    `${q(key)} holds ${countOf(count, 'entry', 'entries')}, over citechart's limit of ${limit.toLocaleString('en-US')} (the rows one chart may draw, so most could only go unused): ` +
    `keep the translations this chart's text and tables need`,
  translationShape: () =>
    `a translation file is a JSON object: {"strings": {"English text": "traduction", …}, "values": {"English label": "étiquette", …}, "translator": "name (optional)", "social": ["1080x1080"] (optional)}; its language is in its name (specs/NAME.fr.json)`,
  /** `suggestion`: the known key nearest to `key`, when one is near. */
  translationUnknownKey: (key: string, known: readonly string[], suggestion?: string) =>
    `a translation file has no setting ${q(key)} (known: ${known.map(q).join(', ')}), so what it holds would be left out of the edition` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : '; remove it'),
  translationSocial: (got: string) =>
    `"social" in a translation file chooses the edition's social cards: false for none, or a list of the theme's card sizes such as ["1080x1080", "1080x1350"], not ${got}`,
};
// ── the typed API (src/api) ──────────────────────────────────────────────────
export const api = {
  notInput: (got: string) => `renderChart: its argument must be an object { spec, tables, sources, theme?, options? }, not ${got}`,
  notOptions: (got: string) => `renderChart: "options" must be an object ({ name, formats, width, locale, scheme }), not ${got}`,
  notSpec: (got: string) => `renderChart: "spec" must be a Vega-Lite spec, as an object or JSON text, not ${got}`,
  notTable: (name: string, got: string) =>
    `renderChart: table ${q(name)} must be CSV text, bytes or an array of row objects, not ${got}`,
  notSources: (got: string) => `renderChart: "sources" must be the rows of sources.csv, as CSV text, bytes or an array of row objects, not ${got}`,
  notTheme: (got: string) => `renderChart: "theme" must be a Vega-Lite config, as an object or JSON text, not ${got}`,
  notRow: (name: string, index: number, got: string) => `renderChart: row ${index} of table ${q(name)} must be an object of cells, not ${got}`,
  notCell: (name: string, index: number, column: string, got: string) =>
    `renderChart: row ${index} of table ${q(name)}, column ${q(column)}: a cell must be text, a number, a boolean, a Date or null, not ${got}`,
  badTableName: (name: string) =>
    `renderChart: table name ${q(name)} is not a file of data/: name it as the spec's url does ("data/NAME.csv"), or NAME.csv, or NAME; a schema sidecar as NAME.schema.json`,
  badName: (name: string) => `renderChart: "name" ${q(name)} must be a chart name of letters, digits, "-" and "_" (it names the graphic's ids)`,
  badWidth: (width: unknown, min: number, max: number) => `renderChart: "width" must be a whole number of px from ${min} to ${max}, not ${show(width)}`,
  badLocale: (tag: string) => `renderChart: "locale" ${q(tag)} is not a BCP 47 tag citechart has words for (e.g. "fr" or "de-CH")`,
  badScheme: (scheme: unknown) => `renderChart: "scheme" must be "light" or "dark", not ${show(scheme)}`,
  notTables: (got: string) => `renderChart: "tables" must be an object or a Map of tables by name, not ${got}`,
  tableTwice: (first: string, second: string, file: string) => `renderChart: tables ${q(first)} and ${q(second)} both name ${file}; give each table once`,
  badFormats: (format: string, known: readonly string[]) => `renderChart: unknown format ${q(format)}; choose among ${known.join(', ')}`,
  widthNotFitted: (width: number) =>
    `the chart cannot be laid out at width ${width}: Vega-Lite fits only single and layered views to a width, not concat, repeat or facet`,
};
// ── social cards (src/social) ────────────────────────────────────────────────
export const social = {
  themeCardSide: (style: string, side: string, got: string, min: number, max: number) =>
    `social card style ${q(style)} needs a ${side} in px of its PNG: a whole number from ${min} to ${max}, not ${got}`,
  unknownCard: (name: string, presets: string[]) =>
    presets.length
      ? `social card ${q(name)} is not one of the theme's: choose among ${presets.map(q).join(', ')}, or add a style "citechart-social-…" with its width and height to specs/theme.json`
      : `social card ${q(name)} is not in the theme, which declares none: add a style "citechart-social-…" with its width and height to specs/theme.json`,
  needsSingleView: () =>
    `social cards need a single or layered view: Vega-Lite cannot fit a concat, repeat or facet to one size; remove "social" or set it to false`,
  settingInSpec: () => `"social" in usermeta.citechart`,
  settingInEdition: (file: string) => `"social" in ${file}, for this edition only: e.g. "social": ["1080x1080", "1080x1350"]`,
  /** `where`: the setting that leaves the card out (socialSetting's `where`). */
  noRoom: (card: string, plot: number, where: string) =>
    `no ${card} social card: the title, legend and footer leave ${Math.max(0, Math.round(plot))} px of height for the chart; shorten them or leave the card out (${where})`,
};

// ── annotations and tables (src/annotate, src/table) ───────────────────────
export const annotate = {
  notTaken: (type: string, key: string, takes: string[]) =>
    `a ${q(type)} annotation takes ${takes.map(q).join(', ')}, not ${q(key)}; remove it or change "type"`,
  missing: (type: string, key: string) =>
    type === 'band'
      ? `a "band" annotation needs "x" or "y": the interval [from, to] it shades, e.g. "x": ["2024-02-01", "2024-03-01"]`
      : `a ${q(type)} annotation needs ${q(key)}` + (key === 'at' ? `: the row it is about, as {"FIELD": value, …}, e.g. {"month": "2024-04-01", "region": "North"}` : ''),
  bandBothAxes: () => `a band shades one interval: give "x" or "y", not both (two bands are two annotations)`,
  noPosition: () =>
    `annotations need a single or layered chart with an x and a y encoding to place them by; this chart has none (a concatenation, facet or map): draw the note as a text layer instead`,
  badBandEnd: (value: string, time: boolean) =>
    time ? `band end ${q(value)} is not a date: write it as YYYY-MM-DD (or YYYY, YYYY-MM)` : `band end ${q(value)} is not a number: on this axis a band runs between two numbers, e.g. [100, 150]`,
  noChannel: (channel: string) => `the chart has no ${channel} encoding to place this band on; shade the other axis or add one`,
  noSuchValue: (field: string, value: string, file: string, some: string[]) =>
    `no row of ${file} has ${field} = ${q(value)}` + (some.length ? ` (its values include ${some.map(q).join(', ')})` : '') + `; write a value exactly as the CSV has it`,
  noRow: (asked: string, file: string) => `no row of ${file} has ${asked} together; check the values`,
  severalRows: (asked: string, rows: number, others: string[]) =>
    `${countOf(rows, 'row')} ${noun(rows, 'has', 'have')} ${asked}, but a text annotation is drawn at one row` + (others.length ? `: add another field to "at" (e.g. ${others.slice(0, 3).map(q).join(', ')})` : ''),
  aggregatedRow: (text: string, op: string, field: string, channel: string) =>
    `annotation ${q(text)} is at one row, but the chart draws the ${op}${field ? ` of ${q(field)}` : ''} over rows on ${channel}: ` +
    `that row is no mark of its own, so the note is left out; annotate a chart that draws each row, or use a highlight or band`,
  cannotPlace: (text: string, width: number, hidden: boolean) =>
    `annotation ${q(text)} cannot be placed in the ${Math.round(width)} px wide graphic without covering a mark, a label or other text; it is ` +
    (hidden ? `left out` : `drawn where it covers least`) + `: shorten it, move it with "at", or widen the chart`,
  styleSize: (style: string, key: string, value: string) => `style ${q(style)}: ${key} ${value} is not a positive number of px (e.g. 12)`,
  styleColour: (style: string, key: string, value: string) => `style ${q(style)}: ${key} ${value} is not a CSS colour (e.g. "#c8102e")`,
};

export const table = {
  oneTable: () =>
    `a table (usermeta.citechart.table) draws one CSV, named by the spec's top-level "data": {"url": "data/NAME.csv"}; put its figures in one file`,
  needsNumbers: (key: string, field: string) =>
    `${q(key)} needs a number column, but ${q(field)} holds text; remove ${q(key)} from this column`,
  tooWide: (over: number, room: number) =>
    `the table's columns need ${over} px more than the ${Math.round(room)} px the chart has, so they would overlap or be cut: drop a column, shorten its title or its figures' format, or make the chart wider`,
  badFormat: (format: string) => `${q(format)} is not a d3-format specifier: write e.g. ",.1f", "+.1f" or ".0%"`,
};
