// Every sentence citechart says to a user lives here, so wording stays
// consistent and tests can match it. Each message is a small function that
// names the bad value and, where it can, says what to do.

const q = (s: string) => JSON.stringify(s);

// ── load: CSV files ─────────────────────────────────────────────────────────
export const load = {
  missingFile: (file: string) => `file not found: ${file}`,
  linkOutside: (file: string) =>
    `${file} is a link to a file outside the project; citechart reads only files inside it, so copy the file in`,
  unreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  notUtf8: () => `the file is not valid UTF-8; save it as "CSV UTF-8" in your spreadsheet program`,
  emptyFile: () => `the file is empty: a header row is expected`,
  raggedRow: (found: number, expected: number) =>
    `row has ${found} cells but the header has ${expected}; check for a missing or extra separator`,
  unclosedQuote: () => `a quoted cell is never closed: add the missing closing quote (")`,
  semicolonSeparated: () =>
    `the header looks separated by ";" rather than ","; save the file as comma-separated CSV`,
  emptyHeader: (column: number) => `header cell ${column} is empty: every column needs a name`,
  duplicateHeader: (name: string) => `column ${q(name)} appears twice in the header`,
  missingSourceColumn: () =>
    `no "source" column: every data row must cite a source id from data/sources.csv`,
  emptySource: () => `the "source" cell is empty: every figure must cite a source id from data/sources.csv`,
  unknownSource: (id: string, suggestion?: string) =>
    `unknown source id ${q(id)}: it is not in data/sources.csv` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : ''),
  notFinite: (value: string, column: string) =>
    `${q(value)} in column ${q(column)} is too large to be a number`,
  notANumber: (value: string, column: string) =>
    `${q(value)} is not a number, but column ${q(column)} holds numbers; write it as e.g. 90 or 1234.5`,
  percentInNumber: (value: string, column: string) =>
    `${q(value)} in number column ${q(column)}: write the number without "%" and say "%" in the title or axis format`,
  // sources.csv
  missingSourcesColumn: (name: string) => `sources.csv has no ${q(name)} column`,
  duplicateSourceId: (id: string, firstLine: number) =>
    `source id ${q(id)} is already defined on line ${firstLine}`,
  emptySourceField: (name: string) => `the source's ${q(name)} is empty`,
  badSourceId: (id: string) =>
    `source id ${q(id)} should be a short slug of lower-case letters, digits and dashes`,
  badDate: (name: string, value: string) =>
    `${name} ${q(value)} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`,
  badUrl: (value: string) => `url ${q(value)} is not an https:// or http:// address`,
  noUrl: (id: string) => `source ${q(id)} has no url; readers cannot follow it`,
  // structure the scanner finds that polars would accept silently or fail on without a position
  textAfterQuote: () =>
    `text after the closing quote of a quoted cell: quote the whole cell and double any quote inside it ("")`,
  loneCarriageReturn: () =>
    `a line ends with a bare carriage return (old Mac line endings); save the file as "CSV UTF-8"`,
  readerDisagrees: () =>
    `citechart's line scanner and the CSV reader (polars) disagree about this file's rows; please report this file as a citechart bug`,
  // data/NAME.schema.json
  badSchema: (reason: string) => `invalid table schema: ${reason}`,
};

// ── compile: specs and theme ────────────────────────────────────────────────
export const spec = {
  invalidJson: (reason: string) => `invalid JSON: ${reason}`,
  notAnObject: () => `a spec must be a JSON object (a Vega-Lite specification)`,
  compileFailed: (reason: string) => `Vega-Lite cannot compile this spec: ${reason}`,
  schemaViolation: (where: string, reason: string) => `not valid Vega-Lite: ${where} ${reason}`,
  renderFailed: (reason: string) => `Vega cannot render this spec: ${reason}`,
  vegaWarning: (reason: string) => `Vega: ${reason}`,
  vegaLiteWarning: (reason: string) => `Vega-Lite: ${reason}`,
  dataUrlOutside: (url: string) =>
    `data url ${q(url)} points outside the project's data/ folder; use "data/NAME.csv"`,
  dataUrlNotCsv: (url: string) =>
    `data url ${q(url)} is not a CSV table in data/; citechart charts only cited CSV tables ("data/NAME.csv")`,
  dataUrlUnknown: (url: string) => `data url ${q(url)}: no such file in the project`,
  dataLinkOutside: (url: string) =>
    `data url ${q(url)} is a link to a file outside the project; copy the file into data/ instead`,
  fieldNotNumber: (value: string, column: string, specFile: string) =>
    `${q(value)} is not a number, but ${specFile} plots column ${q(column)} as quantitative; write it as e.g. 90 or 1234.5`,
  inlineValues: () =>
    `inline "values" carry no citations; put the figures in a CSV in data/ with a "source" column`,
  generatedData: () =>
    `generated "sequence" data carries no citations; put the figures in a CSV in data/ with a "source" column`,
  unknownField: (field: string, file: string, columns: string[], suggestion?: string) =>
    `field ${q(field)} is not a column of ${file} (columns: ${columns.map(q).join(', ')})` +
    (suggestion ? `; did you mean ${q(suggestion)}?` : ''),
  unescapedField: (column: string, escaped: string) =>
    `field ${q(column)} reads as a nested path in Vega-Lite; to use the column ${q(column)} write ${q(escaped)}`,
  drawsNothing: () =>
    `the chart draws no row of its data: check its filters and field names`,
  noData: () => `the spec draws no data: reference a table with "data": {"url": "data/NAME.csv"}`,
  imageMark: () => `image marks are refused: they would load a file or URL into the graphic`,
  loaderRefused: (url: string) =>
    `refused to load ${q(url)}: citechart loads only files inside the project folder`,
  usermetaInvalid: (path: string, reason: string) => `usermeta.citechart${path} ${reason}`,
  unknownUsermeta: (key: string) =>
    `usermeta.citechart has no setting ${q(key)} (known: notes, credit, alt); it is ignored`,
  themeInvalid: (reason: string) => `the theme must be a Vega-Lite config object: ${reason}`,
};

// ── build and check ─────────────────────────────────────────────────────────
export const build = {
  unknownChart: (name: string, known: string[]) =>
    `no spec named ${q(name)} in specs/` + (known.length ? ` (charts: ${known.join(', ')})` : ''),
  noSpecs: () => `no specs found: add a Vega-Lite spec as specs/NAME.vl.json`,
  notAProject: (cwd: string) => `${cwd} is not a citechart project: it has no data/ or specs/ folder`,
  built: (name: string, files: string[]) => `built ${name}: ${files.join(', ')}`,
  failed: (name: string, kept: boolean) => `failed ${name}: ${kept ? 'previous output kept' : 'nothing written'}`,
  cannotWrite: (reason: string) => `cannot write the chart's files here (${reason}); check the folder's permissions and free space`,
  pngFailed: (reason: string, width: number, height: number) =>
    `the PNG cannot be drawn (${reason}); the chart is ${width}×${height} px, check its width and height`,
  summary: (built: number, failed: number) =>
    `${built} chart${built === 1 ? '' : 's'} built` + (failed ? `, ${failed} failed` : ''),
  /** The one line every build ends with; the time is wall-clock seconds. */
  buildSummary: (counts: { built: number; upToDate: number; failed: number; seconds: number }) =>
    `${counts.built} chart${counts.built === 1 ? '' : 's'} built` +
    (counts.upToDate ? `, ${counts.upToDate} up to date` : '') +
    (counts.failed ? `, ${counts.failed} failed` : '') +
    ` in ${counts.seconds.toFixed(1)} s`,
  progress: (done: number, total: number, current: string, etaSeconds?: number) =>
    `[${done}/${total}] ${current}` + (etaSeconds === undefined ? '' : ` · about ${Math.ceil(etaSeconds)} s left`),
  unknownFormat: (format: string, known: string[]) =>
    `unknown format ${q(format)} for --formats (formats: ${known.join(', ')})`,
  badJobs: (value: string) => `--jobs takes a whole number of at least 1, not ${q(value)}`,
  checkSummary: (errors: number, warnings: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  internal: (reason: string) =>
    `internal error: ${reason}\nThis is a bug in citechart, not in your files; please report it.`,
};
