// usermeta.citechart.table (src/table): a newsroom table in place of a
// Vega-Lite text-mark table (which overlapped: "Francemen 14"). Columns in
// px from the font's widths, figures right-aligned, sort from the spec,
// each row's source as its footer number; a real <table> in the snippet.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { chartFiles, renderChart } from '../../src/renderChart.js';
import { makeProject, positionOf } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';
import * as messages from '../../src/messages.js';

const SOURCES =
  'id,publisher,authors,title,published,url,attribution\n' +
  'stats,Statistics Office,,Figures,2025-03,https://example.org/stats,\n' +
  'survey,Market Survey,,Survey,2024,https://example.org/survey,\n';
const CITIES =
  'city,population_m,growth_pct,source\n' +
  'Alpha,1.2,0.4,survey\n' +
  'Beta,3.4,1.9,stats\n' +
  'Gamma <b>,0.8,-0.6,stats\n' +
  'Delta,2.1,,stats\n';

// CITIES with a share of each city's region: percentage points (90 for 90 %).
const SHARES = CITIES.replace('growth_pct,', 'growth_pct,share,').replace('Alpha,1.2,0.4,', 'Alpha,1.2,0.4,90,').replace('Beta,3.4,1.9,', 'Beta,3.4,1.9,10,').replace('Gamma <b>,0.8,-0.6,', 'Gamma <b>,0.8,-0.6,,').replace('Delta,2.1,,', 'Delta,2.1,,,');
type Column = { field: string; title?: string; format?: string; bar?: boolean; heat?: boolean };
function tableSpec(columns: Column[], extra: Record<string, unknown> = {}, sort: unknown = { field: 'population_m', order: 'descending' }): string {
  const spec = {
    title: { text: 'Beta is the largest city', subtitle: 'Population and growth, 2024' },
    data: { url: 'data/cities.csv' },
    mark: 'text',
    width: 440,
    usermeta: { citechart: { credit: 'Graphic: test desk', table: { columns, ...(sort ? { sort } : {}) }, ...extra } },
  };
  return JSON.stringify(spec, null, 2) + '\n';
}
const COLUMNS: Column[] = [
  { field: 'city', title: 'City' },
  { field: 'population_m', title: 'Population (million)', format: '.1f' },
  { field: 'growth_pct', title: 'Growth (%)', format: '+.1f', bar: true },
  { field: 'source', title: 'Source' },
];

const render = async (spec: string, csv = CITIES) =>
  renderChart(await openProject(makeProject({ 'data/sources.csv': SOURCES, 'data/cities.csv': csv, 'specs/t.vl.json': spec })), 't');
/** The texts of a Vega text mark of the SVG, in drawing order, with their anchor. */
const texts = (svg: string) =>
  [...svg.matchAll(/<text text-anchor="(\w+)" transform="translate\(([\d.-]+),([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g)]
    .map((m) => ({ anchor: m[1], x: Number(m[2]), y: Number(m[3]), text: m[4] }))
    // Top to bottom, then left to right: the order a reader reads the table in.
    .sort((a, b) => a.y - b.y || a.x - b.x);

describe('a newsroom table (SVG and PNG)', () => {
  it('draws each row once, in the sort order, figures right-aligned in their format, an empty cell blank', async () => {
    const { chart, diagnostics } = await render(tableSpec(COLUMNS));
    expect(format(diagnostics)).toEqual([]);
    const drawn = texts(chart!.svg);
    const cities = drawn.filter((t) => ['Alpha', 'Beta', 'Gamma &lt;b&gt;', 'Delta'].includes(t.text!)).map((t) => t.text);
    expect(cities).toEqual(['Beta', 'Delta', 'Alpha', 'Gamma &lt;b&gt;']);
    const figures = drawn.filter((t) => /^[+−]?\d+\.\d$/.test(t.text!));
    expect(figures.map((t) => t.text)).toEqual(['3.4', '+1.9', '2.1', '1.2', '+0.4', '0.8', '−0.6']);
    expect(figures.every((t) => t.anchor === 'end')).toBe(true);
    // Delta has no growth figure: nothing drawn, not "0.0" or "NaN".
    expect(chart!.svg).not.toMatch(/>(\+?0\.0|NaN)</);
    expect(chart!.png!.length).toBeGreaterThan(1000);
  });

  it("gives each row its source's number in the footer, counted as the footer counts", async () => {
    const { chart } = await render(tableSpec(COLUMNS));
    const drawn = texts(chart!.svg).map((t) => t.text);
    // Rows in table order Beta (stats), Delta (stats), Alpha (survey), Gamma (stats); the footer numbers
    // sources by their first row in the CSV: survey (Alpha, line 2) is 1, stats is 2.
    const markers = drawn.filter((t) => t === '1' || t === '2');
    expect(markers).toEqual(['2', '2', '1', '2']);
    expect(chart!.svg).toMatch(/1\. Market Survey, 2024/);
    expect(chart!.svg).toMatch(/2\. Statistics Office, March 2025/);
  });

  it('leaves the source column out of the graphic when every row cites one source (the footer says it)', async () => {
    const one = CITIES.replace('survey\n', 'stats\n');
    const { chart } = await render(tableSpec(COLUMNS), one);
    expect(texts(chart!.svg).some((t) => t.text === 'Source')).toBe(false);
    expect(chartFiles(chart!).find((f) => f.suffix === '.html')!.data).toContain('<th scope="col">Source</th>');
  });

  it('is laid out again at each artboard, every text at 11 px or more, with no warning at 320 px', async () => {
    const { chart, diagnostics } = await render(tableSpec(COLUMNS, { widths: [320, 640] }));
    expect(format(diagnostics)).toEqual([]);
    for (const { svg } of chart!.artboards!) {
      expect(texts(svg).filter((t) => t.text === 'Beta')).toHaveLength(1);
      const sizes = [...svg.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]));
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
    }
  });

  it('warns when the columns cannot fit the width, at the table setting', async () => {
    const wide = [...COLUMNS, { field: 'city', title: 'A very long column title that will not wrap' }];
    const spec = tableSpec(wide, { widths: [200] });
    const { diagnostics } = await render(spec);
    const at = positionOf(spec, '"table"');
    expect(format(diagnostics)).toContainEqual(expect.stringMatching(new RegExp(`^specs/t\\.vl\\.json:${at.line}:${at.column}: warning: the table's columns need \\d+ px more than the 190 px the chart has`)));
  });

  it('reads out its rows as alt text', async () => {
    const { chart } = await render(tableSpec(COLUMNS));
    expect(chart!.embed!.alt).toBe(
      'Table: Beta is the largest city. Population and growth, 2024. City, Population (million), Growth (%). Beta: 3.4, +1.9; Delta: 2.1, ; Alpha: 1.2, +0.4; Gamma <b>: 0.8, −0.6. Sources: Market Survey and Statistics Office.',
    );
  });
});

describe("a table's HTML snippet is a real, accessible <table>", () => {
  it('has a caption, th scope on headers and row names, figures right-aligned, sources linked, text escaped', async () => {
    const { chart } = await render(tableSpec(COLUMNS));
    const html = chartFiles(chart!).find((f) => f.suffix === '.html')!.data as string;
    expect(html).toContain('<caption><span class="cc-t-embed-title">Beta is the largest city</span> <span class="cc-t-embed-subtitle">Population and growth, 2024</span></caption>');
    expect(html).toContain('<thead><tr><th scope="col">City</th><th scope="col" class="cc-t-embed-num">Population (million)</th><th scope="col" class="cc-t-embed-num">Growth (%)</th><th scope="col">Source</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row" dir="auto">Beta</th><td dir="auto" class="cc-t-embed-num">3.4</td><td dir="auto" class="cc-t-embed-num">+1.9</td><td><a href="https://example.org/stats" rel="noopener">Statistics Office, March 2025</a></td></tr>');
    expect(html).toContain('<th scope="row" dir="auto">Gamma &lt;b&gt;</th>');
    expect(html).not.toContain('Gamma <b>');
    expect(html).toMatch(/\.cc-t-embed \.cc-t-embed-table \.cc-t-embed-num\{text-align:end\}/);
    expect(html).toMatch(/font-variant-numeric:tabular-nums/);
    expect(html).not.toContain('<svg');
    expect(html).toContain('<script type="application/ld+json">');
  });
});

describe('a bad table is an error at its line and column', () => {
  const cases: Array<[string, Column[], unknown, string, string]> = [
    ['an unknown column', [{ field: 'cty' }], undefined, '"field": "cty"', 'field "cty" is not a column of data/cities.csv (columns: "city", "population_m", "growth_pct"); did you mean "city"?'],
    ['a bar on a text column', [{ field: 'city', bar: true }], undefined, '"bar": true', '"bar" needs a number column, but "city" holds text; remove "bar" from this column'],
    ['a format that is no d3 format', [{ field: 'population_m', format: '.1z' }], undefined, '"format": ".1z"', '".1z" is not a d3-format specifier: write e.g. ",.1f", "+.1f" or ".0%"'],
    ['a sort by an unknown column', [{ field: 'city' }], { field: 'size' }, '"field": "size"', 'field "size" is not a column of data/cities.csv (columns: "city", "population_m", "growth_pct")'],
    // Found by a newsroom pass: the chart rule (percent-format) did not reach a table's column, which wrote 9000% with exit 0.
    [
      'a ×100 format on a column of percentage points',
      [{ field: 'city' }, { field: 'share', format: '.0%' }],
      undefined,
      '"format": ".0%"',
      messages.checks.percentTimes100('share', '.0%', 'share-over-1', 90),
    ],
  ];
  it.each(cases)('%s', async (_name, columns, sort, needle, message) => {
    const spec = tableSpec(columns, {}, sort);
    const at = positionOf(spec, needle);
    const { chart, diagnostics } = await render(spec, columns.some((c) => c.field === 'share') ? SHARES : CITIES);
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs/t.vl.json:${at.line}:${at.column}: error: ${message}`]);
  });

  it('a ×100 format on a share written as a fraction is what the format is for', async () => {
    const { chart, diagnostics } = await render(tableSpec([{ field: 'city' }, { field: 'share', format: '.0%' }], {}, undefined), SHARES.replace(',90,', ',0.9,').replace(',10,', ',0.1,'));
    expect(format(diagnostics)).toEqual([]);
    expect(chart!.svg).toContain('>90%<');
  });
});
