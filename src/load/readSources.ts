import { distance } from 'fastest-levenshtein';
import type { Diagnostic, Source } from '../model.js';
import { sortDiagnostics } from '../errors.js';
import * as messages from '../messages.js';
import { checkIsoDate, checkSourceId, checkUrl } from './checkSourceFields.js';
import { readCsv, type CsvCell } from './readCsv.js';

export const SOURCES_FILE = 'data/sources.csv';

const REQUIRED = ['id', 'publisher', 'authors', 'title', 'published', 'url', 'attribution'] as const;
const OPTIONAL = ['language', 'translator', 'accessed'] as const;
type Field = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const isKnown = (name: string) => (REQUIRED as readonly string[]).includes(name) || (OPTIONAL as readonly string[]).includes(name);

/**
 * Reads `data/sources.csv`, the documents every figure cites. Every problem
 * in the file is reported, and every row with an id is still returned (the
 * first one for a duplicated id), so data tables that cite a source with a
 * bad field do not also get a confusing "unknown source id".
 */
export async function readSources(
  cwd: string,
): Promise<{ sources: Map<string, Source>; diagnostics: Diagnostic[] }> {
  const file = SOURCES_FILE;
  const sources = new Map<string, Source>();
  const { csv, diagnostics } = await readCsv(cwd, file);
  if (!csv) return { sources, diagnostics };

  const index = new Map(csv.columns.map((c) => [c.name, c.index]));
  // One error for the header, naming every missing column: six lines at 1:1 said one thing.
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length) diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'error', message: messages.load.missingSourcesColumns(missing, csv.columns.map((c) => c.name)) });

  // `Language` or `translater`: an optional column misspelt would drop "French version by" from every footer without a word.
  for (const name of OPTIONAL) {
    if (index.has(name)) continue;
    const near = csv.columns.find((c) => !isKnown(c.name) && distance(c.name.trim().toLowerCase(), name) <= 2);
    if (near) diagnostics.push({ file, line: csv.headerLine, column: 1, severity: 'error', message: messages.load.sourcesColumnMisnamed(near.name, name) });
  }

  for (const row of csv.rows) {
    // A missing column reads as empty text with no cell to point at.
    const cell = (name: Field): CsvCell | undefined => {
      const i = index.get(name);
      return i === undefined ? undefined : row.cells[i];
    };
    const text = (name: Field) => cell(name)?.text ?? '';
    const report = (name: Field, message: string | undefined, severity: Diagnostic['severity'] = 'error') => {
      const at = cell(name);
      if (at && message) diagnostics.push({ file, line: at.line, column: at.column, severity, message });
    };

    const id = text('id');
    for (const name of ['id', 'publisher', 'title'] as const) {
      if (text(name).trim() === '') report(name, messages.load.emptySourceField(name));
    }
    if (id.trim() !== '') report('id', checkSourceId(id));
    const first = sources.get(id);
    if (first) report('id', messages.load.duplicateSourceId(id, first.line));

    if (text('published') === '') report('published', messages.load.emptySourceField('published'), 'warning');
    else report('published', checkIsoDate('published', text('published')));
    if (text('accessed') !== '') report('accessed', checkIsoDate('accessed', text('accessed')));
    if (text('url') === '') report('url', messages.load.noUrl(id), 'warning');
    else report('url', checkUrl(text('url')));

    if (id.trim() === '' || first) continue;
    sources.set(id, {
      id,
      publisher: text('publisher'),
      authors: text('authors').split(';').map((a) => a.trim()).filter((a) => a !== ''),
      title: text('title'),
      published: text('published'),
      url: text('url'),
      attribution: text('attribution'),
      language: text('language'),
      translator: text('translator'),
      accessed: text('accessed'),
      line: row.line,
      ...(cell('attribution') && { attributionAt: { line: cell('attribution')!.line, column: cell('attribution')!.column } }),
    });
  }
  return { sources, diagnostics: sortDiagnostics(diagnostics) };
}
