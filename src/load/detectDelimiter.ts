import { scanCsv, type ScannedRecord } from './scanCsv.js';

/**
 * The separator of a CSV whose sidecar does not declare one. European
 * spreadsheet programs save "CSV" with `;` (the comma is their decimal
 * mark), so a header that is one field with `;` in it is read with `;` when
 * that is unambiguous: the header splits into several columns and every row
 * has exactly as many cells. Anything less clear-cut returns `ambiguous`, and
 * the caller asks the editor to declare the separator instead of guessing.
 */
export function detectDelimiter(text: string): { delimiter: string; records: ScannedRecord[] } | 'ambiguous' {
  const comma = scanCsv(text, ',');
  const header = comma.find((r) => !r.blank);
  if (!header || header.problem || header.fields.length > 1 || !header.fields[0]!.text.includes(';')) {
    return { delimiter: ',', records: comma };
  }
  const semicolon = scanCsv(text, ';');
  const [head, ...rows] = semicolon.filter((r) => !r.blank);
  const width = head!.fields.length;
  const consistent = !head!.problem && width > 1 && rows.every((r) => !r.problem && r.fields.length === width);
  return consistent ? { delimiter: ';', records: semicolon } : 'ambiguous';
}
