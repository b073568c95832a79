// Big tables' header problems at the header field they are about: the
// column limit and the citation columns a big table does not carry were
// reported at column 1 of the header line, whatever their place in it.
import { afterEach, describe, expect, it } from 'vitest';
import { openBigTable } from '../../src/bigtable/openBigTable.js';
import { LIMITS } from '../../src/limits.js';
import { readSources } from '../../src/load/readSources.js';
import * as messages from '../../src/messages.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

async function open(csv: string) {
  process.env.CITECHART_BIG_CSV_BYTES = '1';
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': csv });
  const { sources } = await readSources(cwd);
  return openBigTable(cwd, 'data/t.csv', sources);
}

/** A header of `count` columns c1…c(count-1) and `source`, and one row (text cells: a number column costs a polars check each, ≈30 ms). */
const wide = (count: number) => {
  const names = [...Array.from({ length: count - 1 }, (_, i) => `c${i + 1}`), 'source'];
  return `${names.join(',')}\n${names.map((name) => (name === 'source' ? 'a' : 'x')).join(',')}\n`;
};

describe("a big CSV's header", () => {
  it(`over LIMITS.columns: an error at the first column past it`, async () => {
    const header = wide(LIMITS.columns + 1).split('\n')[0]!;
    // Column 501's field starts after the first 500 fields and their commas.
    const column = header.split(',').slice(0, LIMITS.columns).join(',').length + 2;
    const { table, diagnostics } = await open(wide(LIMITS.columns + 1));
    expect(table).toBeUndefined();
    expect(format(diagnostics)).toEqual([`data/t.csv:1:${column}: error: ${messages.load.tooManyColumns(LIMITS.columns)}`]);
  });

  it('at LIMITS.columns: opened', async () => {
    const { table, diagnostics } = await open(wide(LIMITS.columns));
    expect(format(diagnostics)).toEqual([]);
    expect(table?.columns).toHaveLength(LIMITS.columns - 1);
  });

  it('citation columns it does not carry: a warning at the first of them', async () => {
    const { diagnostics } = await open('label,value,source,note,quote\nL,1,a,n,q\n');
    expect(format(diagnostics)).toEqual([`data/t.csv:1:20: warning: ${messages.load.bigTableCitationColumnsIgnored(['note', 'quote'])}`]);
  });
});
