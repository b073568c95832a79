import type { CellValue } from '../model.js';
import type { TableTrail } from './drawnTrail.js';

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isCell = (value: unknown): value is CellValue => value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/**
 * A `Dataset` of a graphic's JSON-LD `isBasedOn` (provenance/jsonLd.ts) read
 * back as a TableTrail, checked field by field: a graphic is data, and one
 * edited by hand or by another tool yields undefined, never a crash.
 */
export function parseTrail(value: Record<string, unknown>): TableTrail | undefined {
  const { contentUrl: file, keyColumns: key, columns, rowCount: count, rowsDigest: digest, wholeTable, allRows, rows } = value;
  if (typeof file !== 'string' || !isStrings(key) || !isStrings(columns) || typeof count !== 'number' || typeof digest !== 'string') return undefined;
  if (!/^[0-9a-f]{64}$/.test(digest)) return undefined;
  const trail: TableTrail = { file, key, columns, count, digest, ...(allRows === true ? { all: true } : {}) };
  if (wholeTable === true) return { ...trail, whole: true };
  if (!Array.isArray(rows)) return undefined;
  const parsed: NonNullable<TableTrail['rows']> = [];
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'string' || row.length !== columns.length + 1 || !row.every(isCell)) return undefined;
    parsed.push(row as [string, ...CellValue[]]);
  }
  return { ...trail, rows: parsed };
}
