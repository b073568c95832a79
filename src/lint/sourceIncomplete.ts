import { readCsv } from '../load/readCsv.js';
import { SOURCES_FILE } from '../load/readSources.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';

/**
 * A reader must be able to find the source: it needs a url and a date.
 * Loading sources.csv already warns about both with these same messages at
 * these same places; `check` keeps one line per problem (this one, which
 * carries the rule id).
 */
export const sourceIncomplete: LintRule = {
  id: 'source-incomplete',
  summary: 'a source with no url or no published date',
  async check({ cwd, sources }) {
    const { csv } = await readCsv(cwd, SOURCES_FILE);
    if (!csv) return [];
    const column = (name: string) => csv.columns.find((c) => c.name === name)?.index;
    const [url, published] = [column('url'), column('published')];
    const found: Diagnostic[] = [];
    // By line, read once: a find per source was quadratic (100,000 sources, 5 billion comparisons).
    const rows = new Map(csv.rows.map((row) => [row.line, row.cells]));
    for (const source of sources.values()) {
      const cells = rows.get(source.line);
      const warn = (index: number | undefined, message: string) => {
        const cell = index === undefined ? undefined : cells?.[index];
        if (cell) found.push({ file: SOURCES_FILE, line: cell.line, column: cell.column, severity: 'warning', message });
      };
      if (source.url === '') warn(url, messages.load.noUrl(source.id));
      if (source.published === '') warn(published, messages.load.emptySourceField('published'));
    }
    return found;
  },
};
