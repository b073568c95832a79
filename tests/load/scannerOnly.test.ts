// A small CSV is read by the scanner alone (issue 15: loading polars cost a
// one-chart build a fifth of its time); polars still arbitrates a stray quote.
import { expect, test, vi } from 'vitest';
import { readCitedTable } from '../../src/load/index.js';
import * as polarsReader from '../../src/load/readWithPolars.js';
import type { Source } from '../../src/model.js';
import { format, project } from '../helpers/project.js';

const sources = new Map([['s', { id: 's' } as Source]]);

test('a small file without stray quotes never reaches polars, and reads the same', async () => {
  const spy = vi.spyOn(polarsReader, 'readWithPolars');
  const cwd = await project({ 'data/t.csv': 'label,v,source\n"a, ""quoted""\nlabel",1.5,s\n\nb,2,s\n' });
  const { table, diagnostics } = await readCitedTable(cwd, 'data/t.csv', sources);
  expect(format(diagnostics)).toEqual([]);
  expect(table?.rows.map((row) => [row.line, row.values.label, row.values.v])).toEqual([
    [2, 'a, "quoted"\nlabel', 1.5],
    [5, 'b', 2],
  ]);
  expect(spy).not.toHaveBeenCalled();
});

test('a file with a stray quote is still read by polars', async () => {
  const spy = vi.spyOn(polarsReader, 'readWithPolars');
  const cwd = await project({ 'data/t.csv': 'v,name,source\n1,5\'11" tall,s\n' });
  const { table } = await readCitedTable(cwd, 'data/t.csv', sources);
  expect(table?.rows[0]?.values.name).toBe('5\'11" tall');
  expect(spy).toHaveBeenCalledTimes(1);
});
