// `citechart check` as an editorial linter: structural errors and editorial
// warnings of every file in one sorted run, as text for editors and as JSON
// for machines; warnings never change the exit code.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject, SOURCES_CSV, where } from '../helpers/fixtureProject.js';

const sources = SOURCES_CSV + 'old-2019,Old Paper,Jo Bloggs,Old survey,2019,,archive\n';
const exportsCsv =
  'country,exports,source,quote\n' +
  'Norway,120,stats-2024,"Norway exported 210 thousand widgets"\n' +
  'Chile,85,stats-2024,\n' +
  'Kenya,40,monitor-2023,\n';
const exportsSpec = barSpec({ transform: [{ filter: "datum.country !== 'Kenya'" }] });
const shareCsv = 'origin,share,source\nChina,90,stats-2024\nOther,5,stats-2024\n';
const shareSpec = barSpec({
  file: 'data/share.csv',
  title: 'Share of widget imports',
  extra: {
    encoding: {
      y: { field: 'origin', type: 'nominal', title: null },
      x: { field: 'share', type: 'quantitative', title: 'Share', scale: { zero: false } },
    },
  },
});
const pricesCsv = 'country,price,source\nNorway,12.5,stats-2204\n';
const pricesSpec = barSpec({
  file: 'data/prices.csv',
  title: 'Widget prices',
  extra: { encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'pric', type: 'quantitative', title: 'Price (€)' } } },
});
const otherCsv = 'country,exports,source\nPeru,11,monitor-2023\n';

const files = {
  ...minimalProject,
  'data/sources.csv': sources,
  'data/exports.csv': exportsCsv,
  'specs/exports.vl.json': exportsSpec,
  'data/share.csv': shareCsv,
  'specs/share.vl.json': shareSpec,
  'data/prices.csv': pricesCsv,
  'specs/prices.vl.json': pricesSpec,
  'data/other.csv': otherCsv,
};

// What the run must print, in this order: sorted by file, line and column.
const expected = [
  [`${where('data/exports.csv', exportsCsv, '"Norway exported')}: warning: the quote says 210 thousand but no number of the row matches (exports 120); check the figure against its quote`, 'quote-number'],
  [`data/exports.csv:4:1: warning: no chart draws this row (every spec using the table filters it out), so "monitor-2023" is not cited for it in any graphic`, 'undrawn-row'],
  [`data/other.csv:1:1: warning: no chart draws data/other.csv: its rows and their sources appear in no graphic`, 'undrawn-row'],
  [`${where('data/prices.csv', pricesCsv, 'stats-2204')}: error: unknown source id "stats-2204": it is not in data/sources.csv; did you mean "stats-2024"?`, 'data'],
  [`${where('data/share.csv', shareCsv, '90')}: warning: column "share" holds shares of a whole but its rows sum to 95, not 100 (± 1 for rounding); is a part missing or mistyped?`, 'shares-sum'],
  [`data/sources.csv:4:1: warning: source "old-2019" is cited by no row of any table in data/; remove it or cite it`, 'unused-source'],
  [`${where('data/sources.csv', sources, ',archive')}: warning: source "old-2019" has no url; readers cannot follow it`, 'source-incomplete'],
  [`${where('specs/prices.vl.json', pricesSpec, '"field": "pric"')}: error: field "pric" is not a column of data/prices.csv (columns: "country", "price"); did you mean "price"?`, 'spec'],
  [`${where('specs/share.vl.json', shareSpec, '"title": "Share"')}: warning: column "share" on x has no unit: its title "Share" and format name none (%, $, million, …); write e.g. "Share (%)" or "Share (million $)", or set a format`, 'missing-unit'],
  [`${where('specs/share.vl.json', shareSpec, '"zero"')}: warning: bar chart whose x axis does not start at zero ("zero": false): bar and area lengths then mislead; let the scale include 0`, 'zero-baseline'],
] as const;

describe('check as an editorial linter', () => {
  it('prints errors and warnings of every file sorted by file and line, and exits 1 on an error', async () => {
    const cwd = makeProject(files);
    const result = await runCli(['check'], { cwd });
    expect(result.errLines).toEqual(expected.map(([line]) => line));
    expect(result.outLines).toEqual(['2 errors, 8 warnings']);
    expect(result.code).toBe(1);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('--format json prints the same diagnostics on stdout with rule ids, and keeps the exit code', async () => {
    const result = await runCli(['check', '--format', 'json'], { cwd: makeProject(files) });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(printed.map((d) => d.rule)).toEqual(expected.map(([, rule]) => rule));
    // Each entry is the text line taken apart.
    expect(printed.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`)).toEqual(expected.map(([line]) => line));
    expect(Object.keys(printed[0]!)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
  });

  it('exits 0 when there are only warnings, in either format', async () => {
    const cwd = makeProject({ ...minimalProject, 'data/other.csv': otherCsv });
    const text = await runCli(['check'], { cwd });
    expect(text.errLines).toEqual(['data/other.csv:1:1: warning: no chart draws data/other.csv: its rows and their sources appear in no graphic']);
    expect(text.outLines).toEqual(['0 errors, 1 warning']);
    expect(text.code).toBe(0);
    const json = await runCli(['check', '--format', 'json'], { cwd });
    expect(JSON.parse(json.stdout)).toEqual([
      { file: 'data/other.csv', line: 1, column: 1, severity: 'warning', rule: 'undrawn-row', message: 'no chart draws data/other.csv: its rows and their sources appear in no graphic' },
    ]);
    expect(json.code).toBe(0);
  });

  it('rejects an unknown --format as a usage error', async () => {
    const result = await runCli(['check', '--format', 'xml'], { cwd: makeProject(minimalProject) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'xml' is invalid. Allowed choices are text, json.");
  });

  it('sorts files the same whatever the locale of the machine (a Swedish laptop and CI agree)', async () => {
    const cwd = makeProject({ ...minimalProject, 'data/zinc.csv': otherCsv, 'data/\u00e4pfel.csv': otherCsv });
    const orders: string[][] = [];
    for (const locale of ['en_US.UTF-8', 'sv_SE.UTF-8']) {
      const result = await runCli(['check'], { cwd, env: { LC_ALL: locale, LANG: locale } });
      orders.push(result.errLines.map((line) => line.split(':')[0]));
    }
    expect(orders[0]).toEqual(['data/\u00e4pfel.csv', 'data/zinc.csv']);
    expect(orders[1]).toEqual(orders[0]);
  });
});
