// `citechart check`: every problem of every file in one run, sorted by file
// then line, so an editor can fix them top to bottom; nothing rendered.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, errorLines, STACK_FRAME } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

// Problems placed so that the order they are found in (row shape first, then
// cells) is not the order of their lines.
const exportsCsv =
  'country,exports,source,note\n' +
  'Norway,120,stats-2024,\n' +
  'Chile,eighty-five,stats-2024,\n' +
  'Kenya,40,,\n';
const pricesCsv =
  'country,price,source\n' +
  'Norway,12.5,stats-2204\n' +
  'Chile,n/a,stats-2024\n' +
  'Kenya,9.9,monitor-2023,extra\n' +
  'Peru,11,monitor-2023\n';
const pricesSpec = barSpec({
  file: 'data/prices.csv',
  title: 'Widget prices',
  extra: { encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'price', type: 'quantitative', title: 'Price (€)' } } },
});
const strayUrlSpec = barSpec({ file: '../prices.csv', title: 'Widget prices, again' });

describe('check', () => {
  it('reports all problems of several files in one run, sorted by file and line, exit 1', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/exports.csv': exportsCsv,
      'data/prices.csv': pricesCsv,
      'specs/prices.vl.json': pricesSpec,
      'specs/prices-copy.vl.json': strayUrlSpec,
    });
    const result = await runCli(['check'], { cwd });
    expect(errorLines(result)).toEqual([
      `${where('data/exports.csv', exportsCsv, 'eighty-five')}: error: "eighty-five" is not a number, but column "exports" holds numbers; write it as e.g. 90 or 1234.5`,
      `data/exports.csv:4:10: error: the "source" cell is empty: every figure must cite a source id from data/sources.csv`,
      `${where('data/prices.csv', pricesCsv, 'stats-2204')}: error: unknown source id "stats-2204": it is not in data/sources.csv; did you mean "stats-2024"?`,
      `${where('data/prices.csv', pricesCsv, 'n/a')}: error: "n/a" is not a number, but column "price" holds numbers; for a cell with no value, leave it empty, or declare the marker in the table's sidecar data/NAME.schema.json: {"missingValues": ["", "n/a"], "fields": []}`,
      `${where('data/prices.csv', pricesCsv, 'extra')}: error: row has 4 cells but the header has 3; check for a missing or extra separator`,
      `${where('specs/prices-copy.vl.json', strayUrlSpec, '"url"')}: error: data url "../prices.csv" points outside the project's data/ folder; use "data/NAME.csv"`,
    ]);
    // Nothing but those errors: no duplicates, no stray lines, no stack.
    expect(result.errLines).toEqual(errorLines(result));
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.outLines).toEqual(['6 errors, 0 warnings']);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('on a valid project exits 0, prints 0 errors and renders nothing', async () => {
    const cwd = makeProject(minimalProject);
    const result = await runCli(['check'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.outLines).toEqual(['0 errors, 0 warnings']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('fails a chart that draws no row, as build does (a filter comparing a number to a string)', async () => {
    const spec = barSpec({ transform: [{ filter: "datum.exports === '120'" }] });
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec });
    const result = await runCli(['check'], { cwd });
    // The error alone: no "no chart draws this row" for each of its rows.
    const error = `${where('specs/exports.vl.json', spec, '"transform"')}: error: the chart draws no row of its data: check its filters and field names`;
    expect(result.errLines).toContain(error);
    expect(result.errLines.filter((line) => line.includes('no chart draws'))).toEqual([]);
    expect(result.code).toBe(1);
    const built = await runCli(['build'], { cwd });
    expect(built.errLines).toContain(error);
  });

  // nodejs-polars printed "UserWarning: CSV malformed: expected 1 rows,
  // actual 21 rows, …" from native code on stderr for a quote inside an
  // unquoted cell mid-table, breaking --format json's promise of an empty stderr.
  it('--format json writes nothing on stderr for a quote inside an unquoted cell; it is a warning of its own in the JSON', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => (i === 20 ? 'Bad "x,20,stats-2024,' : `C${i},${i},stats-2024,`));
    const cwd = makeProject({ ...minimalProject, 'data/exports.csv': `country,exports,source,note\n${rows.join('\n')}\n` });
    const result = await runCli(['check', '--format', 'json'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const diagnostics = JSON.parse(result.stdout) as Array<{ file: string; line: number; column: number; severity: string; message: string }>;
    expect(diagnostics).toContainEqual(expect.objectContaining({ file: 'data/exports.csv', line: 22, column: 5, severity: 'warning', message: expect.stringMatching(/^a quote \(\"\) inside a cell/) }));
  });
});
