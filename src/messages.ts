// Every sentence citechart says to a user lives here, so wording stays
// consistent and tests can match it. Each message is a small function that
// names the bad value and, where it can, says what to do.

const q = (s: string) => JSON.stringify(s);

// ── load: CSV files ─────────────────────────────────────────────────────────
export const load = {
  missingFile: (file: string) => `file not found: ${file}`,
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
};
