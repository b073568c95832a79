// Big tables (issue 16): bad cells and citations deep in a file reported at
// their line and column (polars gives none: src/bigtable/locateCells.ts
// finds them), every one up to a cap; Parquet files and hive-partitioned
// folders read; links out of a folder refused.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pl from 'nodejs-polars';
import { afterEach, describe, expect, it } from 'vitest';
import { openBigTable } from '../../src/bigtable/openBigTable.js';
import { locateCells } from '../../src/bigtable/locateCells.js';
import { readSources } from '../../src/load/readSources.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { explainChart } from '../../src/commands/explain.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

afterEach(() => {
  delete process.env.CITECHART_BIG_CSV_BYTES;
});

/** A CSV of `rows` rows (label, value, source), with `edit(row, cells)` changing some. */
function bigCsv(rows: number, edit: (row: number, cells: string[]) => string[] = (_, cells) => cells): string {
  const lines = ['label,value,source'];
  for (let r = 0; r < rows; r += 1) lines.push(edit(r, [`L${r % 7}`, String(r % 100), r % 2 ? 'a' : 'b']).join(','));
  return lines.join('\n') + '\n';
}

async function open(cwd: string, file: string) {
  const { sources } = await readSources(cwd);
  return openBigTable(cwd, file, sources);
}

describe('a big CSV', () => {
  it('reports a bad number and an unknown source deep in the file at their line and column, a quoted line break counted', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({
      'data/sources.csv': sourcesCsv('a', 'b'),
      // Row 3 holds a line break inside quotes: every later row is one line further down.
      'data/t.csv': bigCsv(5000, (r, cells) => (r === 3 ? ['"two\nlines"', cells[1]!, cells[2]!] : r === 4000 ? [cells[0]!, 'n/a', cells[2]!] : r === 4500 ? [cells[0]!, cells[1]!, 'reuters-2024'] : cells)),
    });
    const { table, diagnostics } = await open(cwd, 'data/t.csv');
    expect(table?.rows).toBe(5000);
    // Data row r is on line r + 2, + 1 after the two-line cell.
    // Row 4000 is "L3,n/a,a" (its value at column 4), row 4500 "L6,0,reuters-2024" (its source at column 6).
    expect(format(diagnostics)).toEqual([
      expect.stringMatching(/^data\/t\.csv:4003:4: error: "n\/a" in column "value" is not a number, and the column's first rows are/),
      expect.stringMatching(/^data\/t\.csv:4503:6: error: .*"reuters-2024"/),
    ]);
  });

  // polars renamed the second "value" to value_duplicated_0: the chart drew the first, silently
  // (a second "source" column was silently not cited). A small CSV refuses it; so does a big one.
  it('refuses a column named twice in the header, at the second', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': 'label,value,value,source\nL0,1,2,a\n' });
    const { table, diagnostics } = await open(cwd, 'data/t.csv');
    expect(table).toBeUndefined();
    expect(format(diagnostics)).toEqual(['data/t.csv:1:13: error: column "value" appears twice in the header (first as column 2): rename one, every column needs a distinct name']);
  });

  // The message asked whether a CSV was "a Parquet file (or folder of them)".
  // polars reads a name from ^ to $ as a regular expression and "*" as every column, wherever a query
  // names a column: "^zz$" (matching none) vanished from the table and "*" read every column in its place.
  it.each([
    ['^zz$', 'polars reads a name from ^ to $ as a regular expression'],
    ['*', 'polars reads "*" as every column'],
  ])('refuses a column named like a pattern (%s), at its header cell', async (name, why) => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': bigCsv(1200).replace('label,value,source', `label,${name},value,source`).replace(/^(L\d+),/gm, '$1,7,') });
    const { table, diagnostics } = await open(cwd, 'data/t.csv');
    expect(table).toBeUndefined();
    expect(format(diagnostics)).toEqual([`data/t.csv:1:7: error: column "${name}" is named like a pattern (${why}), so a big table's queries cannot name it; rename it in the header`]);
  });

  it('says what a CSV polars cannot read should be, not a Parquet file', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': 'label,value,source\nL0,1,a,extra\n' });
    const { table, diagnostics } = await open(cwd, 'data/t.csv');
    expect(table).toBeUndefined();
    const [line] = format(diagnostics);
    expect(line).toMatch(/^data\/t\.csv: error: cannot read data\/t\.csv with polars: .*; is it a UTF-8 CSV with as many cells in every row as in its header\?$/);
  });

  it('locates at most LIMITS.bigTableCellErrors bad cells, then counts the rest', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': bigCsv(3000, (r, cells) => (r >= 2000 && r < 2060 ? [cells[0]!, 'x', cells[2]!] : cells)) });
    const { diagnostics } = await open(cwd, 'data/t.csv');
    const lines = format(diagnostics);
    expect(lines.filter((line) => line.includes('"x" in column "value"'))).toHaveLength(50);
    expect(lines).toContain('data/t.csv: error: and 10 more cells that are not numbers (citechart locates the first 50 per table)');
  });

  it('says how many rows have an empty source, at the first', async () => {
    process.env.CITECHART_BIG_CSV_BYTES = '1';
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': bigCsv(2000, (r, cells) => (r % 500 === 499 ? [cells[0]!, cells[1]!, ''] : cells)) });
    const { diagnostics } = await open(cwd, 'data/t.csv');
    expect(format(diagnostics)).toEqual([expect.stringMatching(/^data\/t\.csv:501:\d+: error: 4 rows have an empty "source" cell \(this is the first\)/)]);
  });

  it('is read row by row below the big-table size, as before', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': bigCsv(10) });
    const p = await openProject(cwd);
    expect(await p.bigTable('data/t.csv')).toBeUndefined();
    expect((await p.table('data/t.csv')).table?.rows).toHaveLength(10);
  });
});

describe('Parquet', () => {
  const frame = (rows: number, source: (r: number) => string) =>
    pl.DataFrame({
      year: Array.from({ length: rows }, (_, r) => 2020 + (r % 3)),
      partner: Array.from({ length: rows }, (_, r) => ['China', 'India'][r % 2]!),
      value: Array.from({ length: rows }, (_, r) => r),
      source: Array.from({ length: rows }, (_, r) => source(r)),
    });
  const spec = (url: string) =>
    JSON.stringify({ data: { url }, mark: 'bar', encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } });

  it('reports an unknown source by row number (a Parquet file has no lines)', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b') });
    frame(1000, (r) => (r === 700 ? 'nope' : 'a')).writeParquet(path.join(cwd, 'data', 't.parquet'));
    const { diagnostics } = await open(cwd, 'data/t.parquet');
    expect(format(diagnostics)).toEqual([expect.stringMatching(/^data\/t\.parquet: error: row 701: unknown source id "nope"/)]);
  });

  it("reads a hive-partitioned folder, citing each partition's sources, and explains the plan", async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b', 'c'), 'specs/by-partner.vl.json': spec('data/t.parquet') });
    for (const year of [2020, 2021, 2022]) {
      const dir = path.join(cwd, 'data', 't.parquet', `year=${year}`);
      mkdirSync(dir, { recursive: true });
      frame(300, () => (year === 2022 ? 'c' : year === 2021 ? 'b' : 'a')).drop('year').writeParquet(path.join(dir, 'part-0.parquet'));
    }
    writeFileSync(path.join(cwd, 'data', 't.parquet', '_SUCCESS'), '');
    const result = await renderChart(await openProject(cwd), 'by-partner', { png: false });
    expect(format(result.diagnostics).filter((line) => line.includes('error'))).toEqual([]);
    expect(result.chart!.entry.sources).toEqual(['a', 'b', 'c']);
    expect(result.drawn).toHaveLength(2);
    expect(result.chart!.svg).toMatch(/"rowsRead":900,"rowsKept":900,"rowsToVega":2,"rowsDrawn":2,"rowsBySource":\[\{"source":"a","read":300,"kept":300,"drawn":2\}/);
    const explained = await explainChart({ cwd, name: 'by-partner' });
    expect(explained).toContain('by-partner: data/t.parquet (900 rows)');
    expect(explained).toContain('1. encoding: sum(value) by partner  900 → 2 rows');
    expect(explained).toContain(`read_parquet('data/t.parquet/**/*.parquet', hive_partitioning = true)`);
  });

  it('refuses a folder holding a link (polars would follow it out of the project)', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a') });
    mkdirSync(path.join(cwd, 'data', 't.parquet'));
    frame(10, () => 'a').writeParquet(path.join(cwd, 'outside.parquet'));
    symlinkSync(path.join(cwd, 'outside.parquet'), path.join(cwd, 'data', 't.parquet', 'part-0.parquet'));
    const { table, diagnostics } = await open(cwd, 'data/t.parquet');
    expect(table).toBeUndefined();
    expect(format(diagnostics)).toEqual([expect.stringContaining('part-0.parquet is a symbolic link; copy the file into the folder')]);
  });
});

describe('locateCells', () => {
  it('counts lines through quoted line breaks and CRLF, and skips blank lines', async () => {
    const cwd = makeProject({ 'x.csv': 'a,b\r\n"1\r\n2",x\r\n\r\n3,"y""z"\r\n4,w\r\n' });
    const found = await locateCells(path.join(cwd, 'x.csv'), [{ row: 0, column: 1 }, { row: 1, column: 1 }, { row: 2, column: 0 }]);
    expect(Object.fromEntries(found)).toEqual({ '0:1': { line: 3, column: 4 }, '1:1': { line: 5, column: 3 }, '2:0': { line: 6, column: 1 } });
  });

  // The file is read in chunks of 1 MiB: a `""` split between two was taken for a closing
  // quote, so the quoted line break after it ended the row and every later row was one off.
  it('keeps a doubled quote split between two chunks of the file inside its cell', async () => {
    const header = 'a,b\n';
    const before = (1 << 20) - header.length - 2; // the first `"` of `""` is the chunk's last byte
    const text = `${header}"${'x'.repeat(before)}""y\nz",1\nL1,bad\n`;
    const cwd = makeProject({ 'x.csv': text });
    const found = await locateCells(path.join(cwd, 'x.csv'), [{ row: 1, column: 1 }]);
    expect(Object.fromEntries(found)).toEqual({ '1:1': { line: 4, column: 4 } });
  });
});

describe('check and verify with a big table', () => {
  it('check counts its sources as cited, and verify follows its hash, streamed', async () => {
    const { check } = await import('../../src/commands/check.js');
    const { build } = await import('../../src/commands/build.js');
    const { verify } = await import('../../src/commands/verify.js');
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b', 'unused'), 'specs/.keep': '' });
    const rows = 500;
    pl.DataFrame({ partner: Array.from({ length: rows }, (_, r) => ['China', 'India'][r % 2]!), value: Array.from({ length: rows }, (_, r) => r), source: Array.from({ length: rows }, (_, r) => (r % 3 ? 'a' : 'b')) }).writeParquet(path.join(cwd, 'data', 't.parquet'));
    writeFileSync(path.join(cwd, 'specs', 'bars.vl.json'), JSON.stringify({ data: { url: 'data/t.parquet' }, mark: 'bar', encoding: { x: { field: 'partner', type: 'nominal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } }));
    const problems = format(await check({ cwd }));
    expect(problems.filter((line) => line.includes('cited by no row'))).toEqual([expect.stringContaining('source "unused" is cited by no row')]);
    expect(problems.filter((line) => line.includes('error'))).toEqual([]);
    await build({ cwd, formats: ['svg'] });
    const fresh = await verify({ cwd, all: true });
    expect(fresh.verdicts.map((v) => v.status)).toEqual(['up to date']);
    pl.DataFrame({ partner: ['China'], value: [1], source: ['a'] }).writeParquet(path.join(cwd, 'data', 't.parquet'));
    const stale = await verify({ cwd, all: true });
    expect(stale.verdicts.map((v) => v.status)).toEqual(['stale']);
  }, 60_000);
});

describe('a pushdown polars cannot run on the data', () => {
  it('falls back to Vega with a warning at the data url (a date not written YYYY-MM-DD)', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'specs/.keep': '' });
    pl.DataFrame({ day: ['2024-01-05', '2024/02/07', '2024-03-09'], value: [1, 2, 3], source: ['a', 'a', 'a'] }).writeParquet(path.join(cwd, 'data', 't.parquet'));
    writeFileSync(
      path.join(cwd, 'specs', 'months.vl.json'),
      // 240 px wide: at Vega-Lite's 20-px bands "Jan 2024" and "Mar 2024" stood 2.6 px apart (crowded-labels).
      JSON.stringify({ data: { url: 'data/t.parquet' }, width: 240, mark: 'bar', encoding: { x: { field: 'day', timeUnit: 'yearmonth', type: 'ordinal' }, y: { field: 'value', aggregate: 'sum', type: 'quantitative' } } }, null, 2),
    );
    const result = await renderChart(await openProject(cwd), 'months', { png: false });
    expect(format(result.diagnostics)).toEqual([expect.stringMatching(/^specs\/months\.vl\.json:3:5: warning: polars could not run this chart's leading transforms on data\/t\.parquet \(a cell of a time unit's column is not a date written YYYY-MM-DD\); they ran in Vega instead$/)]);
    expect(result.chart).toBeDefined();
    expect(result.pushdowns![0]!.plan.steps).toEqual([]);
    expect(result.drawn).toHaveLength(3);
  });
});
