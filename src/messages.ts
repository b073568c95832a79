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
  checkSummary: (errors: number, warnings: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  internal: (reason: string) =>
    `internal error: ${reason}\nThis is a bug in citechart, not in your files; please report it.`,
};

// ── check: editorial warnings (src/lint), each tagged with its rule id ─────
export const lint = {
  zeroBaseline: (mark: string, channel: string, how: string) =>
    `${mark} chart whose ${channel} axis does not start at zero (${how}): bar and area lengths then mislead; let the scale include 0`,
  missingUnit: (column: string, channel: string, title: string, percent: boolean) =>
    `column ${q(column)} on ${channel} has no unit: its title ${q(title)} and format name none (%, $, million, …); ` +
    (percent
      ? `its cells are written as percentages, so write ${q(`${title} (%)`)} or a "%" format`
      : `write e.g. ${q(`${title} (%)`)} or ${q(`${title} (million $)`)}, or set a format`),
  sharesSum: (column: string, sum: string, group: string, tolerance: string) =>
    `column ${q(column)} holds shares of a whole but ${group ? `the rows of ${group} sum` : 'its rows sum'} to ${sum}, not 100 (± ${tolerance} for rounding); is a part missing or mistyped?`,
  quoteNumber: (numbers: string[], cells: string[]) =>
    `the quote says ${numbers.join(', ')} but no number of the row matches (${cells.join(', ')}); check the figure against its quote`,
  unusedSource: (id: string) => `source ${q(id)} is cited by no row of any table in data/; remove it or cite it`,
  tableNotDrawn: (file: string) => `no chart draws ${file}: its rows and their sources appear in no graphic`,
  rowNotDrawn: (sources: string[]) =>
    `no chart draws this row (every spec using the table filters it out), so ${sources.map(q).join(', ')} is not cited for it in any graphic`,
};

// ── new: scaffolding a spec ─────────────────────────────────────────────────
export const scaffold = {
  exists: () => `this spec already exists; choose another name or delete it first (citechart never overwrites a spec)`,
  badName: (name: string) => `chart name ${q(name)} should be lower-case letters, digits and dashes, e.g. "imports-2023"`,
  notDataTable: (file: string) => `${q(file)} is not a table of figures in data/: use --data data/NAME.csv`,
  unknownData: (known: string[], suggestion?: string) =>
    `no such table in data/` + (suggestion ? `; did you mean ${q(suggestion)}?` : known.length ? ` (tables: ${known.join(', ')})` : ''),
  created: (file: string, kind: string) => `created ${file} (${kind}); run \`citechart build\` to draw it`,
  tableHasErrors: (file: string) => `${file} has errors (above); fix them, then run \`citechart new\` again`,
  noValueColumns: (file: string) => `${file} has no value columns besides its citation columns; nothing to chart`,
};
