// `citechart new --data` on a big table (Parquet, or a CSV from the big-table
// size): its rows live in polars, not in memory, so `new` cannot read them to
// choose a chart. It said "has a header but no rows" of a table of thousands.
import { afterEach, describe, expect, it } from 'vitest';
import { scaffoldChart } from '../../src/commands/new.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

describe('citechart new on a big table', () => {
  it('says it cannot scaffold from one, not that the table has no rows', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': 'label,value,source\nL0,1,a\nL1,2,a\n' });
    const { file, diagnostics } = await scaffoldChart({ cwd, name: 'chart', data: 'data/t.csv' });
    expect(file).toBeUndefined();
    expect(format(diagnostics)).toEqual([
      'data/t.csv: error: data/t.csv is a big table (a Parquet file or folder, or a CSV from the big-table size): citechart new reads a table row by row and cannot choose a chart for one; write specs/NAME.vl.json by hand with "data": {"url": "data/t.csv"} (see "Big tables" in the README)',
    ]);
  });
});
