// Spreadsheet-saved CSVs through the built CLI: a header with "." and "["
// plotted with Vega-Lite's escaped field names, a European Excel file built
// as saved, and formula cells shown by `check` as warnings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, minimalProject, readText, where } from '../helpers/fixtureProject.js';

const DIR = fileURLToPath(new URL('../fixtures/spreadsheets/', import.meta.url));
// The fixtures cite `stats`; the minimal project's sources.csv has `stats-2024`.
const fixture = (name: string) => readFileSync(`${DIR}${name}`, 'latin1').replaceAll(',stats', ',stats-2024').replaceAll(';stats', ';stats-2024');
const asBytes = (text: string) => Buffer.from(text, 'latin1');

function spec(file: string, x: string, color?: string): string {
  return JSON.stringify(
    {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: 'Test chart',
      data: { url: file },
      mark: 'bar',
      encoding: {
        y: { field: 'country', type: 'nominal' },
        x: { field: x, type: 'quantitative', title: 'Value (units)' },
        ...(color ? { color: { field: color, type: 'quantitative', title: 'Share (%)' } } : {}),
      },
      usermeta: { citechart: { credit: 'Graphic: Test desk' } },
    },
    null,
    2,
  ) + '\n';
}

/**
 * The chart's alt text (the SVG's `<desc>`, what a screen reader hears),
 * which names each bar with the value it was drawn at ("Norway: 482.2").
 * (Vega's aria-labels on the bars are no longer in the published SVG.)
 */
const barLabels = (svg: string) => /<desc[^>]*>([^<]*)</.exec(svg)![1]!;

describe('headers with "." and "["', () => {
  it('build plots them through escaped field names (`GDP (US$ bn\\.)`, `share\\[%\\]`)', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'data/gdp.csv': asBytes(fixture('dotted-header.csv')),
      'specs/gdp.vl.json': spec('data/gdp.csv', 'GDP (US$ bn\\.)', 'share\\[%\\]'),
    });
    const result = await runCli(['build', 'gdp'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(barLabels(readText(cwd, 'output/gdp.svg'))).toContain('Measure: Value (units), by country. Norway: 482.2; Chile: 301.');
  });

  it('check points at a field left unescaped, or escaped by half, with the spelling to use', async () => {
    const text = spec('data/gdp.csv', 'GDP (US$ bn.)', 'share\\[%]');
    const cwd = makeProject({ ...minimalProject, 'data/gdp.csv': asBytes(fixture('dotted-header.csv')), 'specs/gdp.vl.json': text });
    const result = await runCli(['check'], { cwd });
    expect(result.errLines).toEqual([
      `${where('specs/gdp.vl.json', text, '"field": "GDP')}: error: field "GDP (US$ bn.)" reads as a nested path in Vega-Lite; to use the column "GDP (US$ bn.)" write "GDP (US$ bn\\\\.)"`,
      `${where('specs/gdp.vl.json', text, '"field": "share')}: error: field "share[%]" reads as a nested path in Vega-Lite; to use the column "share[%]" write "share\\\\[%\\\\]"`,
    ]);
    expect(result.code).toBe(1);
  });
});

it('a German Excel file (";" and decimal commas, CRLF, BOM) builds as saved', async () => {
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  const cwd = makeProject({
    ...minimalProject,
    'data/anteil.csv': Buffer.concat([bom, asBytes(fixture('semicolon.csv').replace('Land', 'country'))]),
    'specs/anteil.vl.json': spec('data/anteil.csv', 'Anteil'),
  });
  const result = await runCli(['build', 'anteil'], { cwd });
  expect(result.stderr).toBe('');
  expect(barLabels(readText(cwd, 'output/anteil.svg'))).toContain('Deutschland: 12.5; Österreich: 3.25; Schweiz: 7.');
});

it('check reports formula cells as warnings with their positions, and exits 0 when nothing else is wrong', async () => {
  // Every source cited, so the formula warnings are the only ones.
  const csv = 'country,exports,source\n=1+1,120,stats-2024\n@Chile,85,monitor-2023\n';
  const cwd = makeProject({ ...minimalProject, 'data/exports.csv': csv });
  const result = await runCli(['check'], { cwd });
  expect(result.errLines).toEqual([
    'data/exports.csv:2:1: warning: "=1+1" looks like a spreadsheet formula; it is shown as this text, never calculated: paste the value if a figure was meant',
    'data/exports.csv:3:1: warning: "@Chile" looks like a spreadsheet formula; it is shown as this text, never calculated: paste the value if a figure was meant',
  ]);
  expect(result.stderr).not.toContain(STACK_FRAME);
  expect(result.outLines).toEqual(['0 errors, 2 warnings']);
  expect(result.code).toBe(0);
});

it('a sidecar error is reported by check at its line and column in the .schema.json', async () => {
  const cwd = makeProject({
    ...minimalProject,
    'data/exports.schema.json': '{\n  "fields": [\n    {"name": "exports", "type": "integer", "constraints": {"maximum": 100}}\n  ]\n}\n',
  });
  const result = await runCli(['check'], { cwd });
  expect(result.errLines).toEqual(['data/exports.csv:2:8: error: "120" in column "exports" is above the maximum 100 its sidecar allows']);
  expect(result.code).toBe(1);
});

it('a table\'s sidecar is hashed among the chart\'s inputs: it changes what the numbers mean', async () => {
  const cwd = makeProject({
    ...minimalProject,
    'data/exports.csv': 'country,exports,source\nNorway,"1,200",stats-2024\nChile,85,stats-2024\n',
    'data/exports.schema.json': '{"fields": [{"name": "exports", "type": "number", "groupChar": ","}]}\n',
  });
  const result = await runCli(['build'], { cwd });
  expect(result.stderr).toBe('');
  const manifest = JSON.parse(readText(cwd, 'output/manifest.json'));
  expect(manifest.charts.exports.inputs.map((input: { file: string }) => input.file)).toEqual([
    'data/exports.csv',
    'data/exports.schema.json',
    'data/sources.csv',
    'specs/exports.vl.json',
    'specs/theme.json',
  ]);
  expect(barLabels(readText(cwd, 'output/exports.svg'))).toContain('Norway: 1,200');
});

