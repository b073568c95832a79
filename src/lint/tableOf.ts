import type { CitedTable } from '../model.js';

/** The table a view draws: the one its `data.url` names, or the spec's only table. */
export function tableOf(tables: Map<string, CitedTable>, file: string | undefined): CitedTable | undefined {
  if (file !== undefined) return tables.get(file);
  return tables.size === 1 ? [...tables.values()][0] : undefined;
}
