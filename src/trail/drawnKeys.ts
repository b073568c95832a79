import type { RowOrigin } from '../compile/injectData.js';
import { rowKeys } from './rowKeys.js';

/**
 * The keys of the drawn rows per table, tables in path order, keys sorted:
 * what the manifest records for `citechart impact` (every key, however many:
 * the manifest is a build record, not a published graphic).
 */
export function drawnKeys(drawn: RowOrigin[]): Array<{ table: string; keys: string[] }> {
  const byTable = new Map<string, Set<string>>();
  const keysOf = new Map<string, string[]>();
  for (const { table, row } of drawn) {
    let keys = keysOf.get(table.file);
    if (!keys) keysOf.set(table.file, (keys = rowKeys(table)));
    let set = byTable.get(table.file);
    if (!set) byTable.set(table.file, (set = new Set()));
    set.add(keys[row.index]!);
  }
  return [...byTable.keys()].sort().map((table) => ({ table, keys: [...byTable.get(table)!].sort() }));
}
