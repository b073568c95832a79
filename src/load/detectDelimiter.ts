import { scanCsv, type ScannedRecord } from './scanCsv.js';

/**
 * The separator of a CSV whose sidecar does not declare one. European
 * spreadsheet programs save "CSV" with `;` (the comma is their decimal
 * mark), so a header with `;` in it is read with `;` when that is
 * unambiguous: the header splits into several columns and every row has
 * exactly as many cells. A header name may hold a comma of its own
 * (`Montant, en euros;source`), which splits the header at commas too: then
 * `;` wins when it makes a table and commas do not, or when only `;` finds
 * the `source` column. Anything less clear-cut
 * returns `ambiguous`, and the caller asks the editor to declare the
 * separator instead of guessing.
 */
export function detectDelimiter(text: string): { delimiter: string; records: ScannedRecord[] } | 'ambiguous' {
  const comma = scanCsv(text, ',');
  const header = comma.find((r) => !r.blank);
  if (!header || header.problem || !header.fields.some((field) => field.text.includes(';'))) {
    return { delimiter: ',', records: comma };
  }
  const semicolon = scanCsv(text, ';');
  if (header.fields.length > 1) {
    // Commas already split the header: `;` only when it reads the file as a table and commas do not, or
    // only `;` finds the `source` column every table of figures has (with one row, both may "fit").
    const semicolonWins = isTable(semicolon) && (!isTable(comma) || (hasSourceColumn(semicolon) && !hasSourceColumn(comma)));
    return semicolonWins ? { delimiter: ';', records: semicolon } : { delimiter: ',', records: comma };
  }
  return isTable(semicolon) ? { delimiter: ';', records: semicolon } : 'ambiguous';
}

/** A header of several columns and every row as many cells, none of them malformed. */
function isTable(records: ScannedRecord[]): boolean {
  const [head, ...rows] = records.filter((r) => !r.blank);
  const width = head?.fields.length ?? 0;
  return !!head && !head.problem && width > 1 && rows.every((r) => !r.problem && r.fields.length === width);
}

const hasSourceColumn = (records: ScannedRecord[]) => !!records.find((r) => !r.blank)?.fields.some((field) => field.text.trim() === 'source');
