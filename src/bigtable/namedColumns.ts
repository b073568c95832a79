// Which columns of a big CSV the project's specs could read, told from their
// text: the columns a held CSV keeps (openBigTable.ts). A text column no spec
// names is not held: the bench's unused `reporter` cost a tenth of the parse
// (2.35 → 2.13 s of CPU for 10M rows, and 160 MB held).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { specFiles } from '../listSpecs.js';

/**
 * The `columns` whose name occurs anywhere in `text`, backslashes ignored on
 * both sides (a field `a.b` is written `a\\.b` in a spec, `"` as `\"` in
 * JSON): a superset of the fields a spec reads, since a name inside any
 * string, key or expression counts. A name spelled with a `\u` escape is
 * missed; the reader then scans the file (BigTable.frame), still exact.
 */
export function namedColumns(text: string, columns: readonly string[]): Set<string> {
  const plain = text.replace(/\\/g, '');
  return new Set(columns.filter((name) => plain.includes(name.replace(/\\/g, ''))));
}

/**
 * namedColumns over every file in the project's `specs/` (specs and their
 * translated editions): the columns any chart of the project may read.
 * Every column when the folder cannot be listed or a file cannot be read
 * (then the CSV is held whole, as before). `cwd` is the project's root.
 */
export async function columnsNamedInSpecs(cwd: string, columns: readonly string[]): Promise<Set<string>> {
  try {
    const named = new Set<string>();
    for (const name of await specFiles(cwd)) {
      if (named.size === columns.length) break;
      const text = await readFile(path.join(cwd, 'specs', name), 'utf8').catch((error: NodeJS.ErrnoException) => {
        // A folder inside specs/ is no spec; any other failure holds every column.
        if (error.code === 'EISDIR') return '';
        throw error;
      });
      for (const column of namedColumns(text, columns)) named.add(column);
    }
    return named;
  } catch {
    return new Set(columns);
  }
}
