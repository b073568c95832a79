import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, Source } from '../model.js';
import * as messages from '../messages.js';
import type { CsvCell } from './readCsv.js';

/**
 * The source ids a row cites (`;`-separated), each checked against
 * sources.csv. A figure without a resolvable citation is an error, never a
 * warning. Unknown ids get the closest known id as a suggestion, when it is
 * close enough to be a plausible typo.
 */
export function resolveSourceIds(
  file: string,
  cell: CsvCell,
  sources: Map<string, Source>,
  diagnostics: Diagnostic[],
): string[] {
  const at = { file, line: cell.line, column: cell.column, severity: 'error' as const };
  const ids = cell.text.split(';').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) diagnostics.push({ ...at, message: messages.load.emptySource() });
  for (const id of ids) {
    if (!sources.has(id)) diagnostics.push({ ...at, message: messages.load.unknownSource(id, suggest(id, sources)) });
  }
  return ids;
}

function suggest(id: string, sources: Map<string, Source>): string | undefined {
  const known = [...sources.keys()];
  if (known.length === 0) return undefined;
  const best = closest(id, known);
  // Within a third of the id's length: a typo, not a different source.
  return distance(id, best) <= Math.max(2, Math.ceil(id.length / 3)) ? best : undefined;
}
