// Cases found in review: each once produced a wrong or uncited graphic, or crashed.
import { realpathSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../src/project.js';
import { renderChart } from '../src/renderChart.js';
import { makeProject, where } from './helpers/fixtureProject.js';
import { format, sourcesCsv } from './helpers/project.js';

const exportsCsv = 'country,exports,source\nChina,90,a\nIndia,6,b\nTurkey,4,b\n';
const spec = (extra: Record<string, unknown>) =>
  JSON.stringify({ data: { url: 'data/t.csv' }, width: 400, mark: 'bar', ...extra }, null, 2);
const bars = { encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'exports', type: 'quantitative' } } };

async function render(files: Record<string, string>, name = 'x') {
  const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': exportsCsv, ...files });
  return { cwd, ...(await renderChart(await openProject(cwd), name, { png: false })) };
}

describe('review cases', () => {
  it('a link that is not http(s) is dropped, not a crash', async () => {
    const csv = 'country,exports,link,source\nChina,90,/news/story,a\nIndia,6,,b\n';
    const { chart, diagnostics } = await render({
      'data/t.csv': csv,
      'specs/x.vl.json': spec({ encoding: { ...bars.encoding, href: { field: 'link', type: 'nominal' } } }),
    });
    // Links are never published (tests/render/noExternalRefs.test.ts), whatever their scheme.
    expect(format(diagnostics)).toEqual([expect.stringMatching(/^specs\/x\.vl\.json:\d+:\d+: warning: links \(href\) are left out/)]);
    expect(chart!.svg).not.toMatch(/href="\/news/);
    expect(chart!.svg).toContain('China: 90; India: 6.');
  });

  it('a value computed over other rows (joinaggregate) cites those rows\' sources too', async () => {
    const { chart } = await render({
      'specs/x.vl.json': spec({
        transform: [
          { joinaggregate: [{ op: 'sum', field: 'exports', as: 'total' }] },
          { calculate: 'datum.exports / datum.total * 100', as: 'pct' },
          { filter: "datum.country == 'China'" },
        ],
        encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'pct', type: 'quantitative' } },
      }),
    });
    expect(chart!.entry.sources).toEqual(['a', 'b']);
  });

  it('generated sequence data is refused: it carries no citation', async () => {
    const { diagnostics } = await render({
      'specs/x.vl.json': spec({ mark: undefined, layer: [{ mark: 'bar' }, { data: { sequence: { start: 1, stop: 4, as: 'n' } }, mark: 'bar' }] }),
    });
    expect(format(diagnostics)[0]).toMatch(/^specs\/x\.vl\.json:\d+:\d+: error: generated "sequence" data carries no citations/);
  });

  it('a field that is not a column is an error at the field, with a suggestion', async () => {
    const { diagnostics } = await render({
      'data/t.csv': 'country, exports,source\nChina,90,a\n',
      'specs/x.vl.json': spec(bars),
    });
    expect(format(diagnostics)).toEqual([
      'specs/x.vl.json:13:7: error: field "exports" is not a column of data/t.csv (columns: "country", " exports"); did you mean " exports"?',
    ]);
  });

  it('a column name with a dot must be escaped in the spec', async () => {
    const csv = 'country,pop.2020,source\nChina,1400,a\n';
    const unescaped = await render({ 'data/t.csv': csv, 'specs/x.vl.json': spec({ encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'pop.2020', type: 'quantitative' } } }) });
    expect(format(unescaped.diagnostics)).toEqual([
      'specs/x.vl.json:13:7: error: field "pop.2020" reads as a nested path in Vega-Lite; to use the column "pop.2020" write "pop\\\\.2020"',
    ]);
    const escaped = await render({ 'data/t.csv': csv, 'specs/x.vl.json': spec({ encoding: { y: { field: 'country', type: 'nominal' }, x: { field: 'pop\\.2020', type: 'quantitative' } } }) });
    expect(format(escaped.diagnostics)).toEqual([]);
    expect(escaped.chart!.svg).toContain('China: 1,400');
  });

  it('a chart that draws no row fails rather than publishing an empty, uncited graphic', async () => {
    const text = spec({ ...bars, transform: [{ filter: 'false' }] });
    const { chart, diagnostics } = await render({ 'specs/x.vl.json': text });
    expect(chart).toBeUndefined();
    // At the transforms: the filters are where to look.
    expect(format(diagnostics.filter((d) => d.severity === 'error'))).toEqual([
      `${where('specs/x.vl.json', text, '"transform"')}: error: the chart draws no row of its data: check its filters and field names`,
    ]);
  });

  it('whole years on a time axis are years, not milliseconds after 1970', async () => {
    const { chart } = await render({
      'data/t.csv': 'year,value,source\n2019,10,a\n2020,12,a\n2021,15,a\n',
      'specs/x.vl.json': spec({ mark: 'line', encoding: { x: { field: 'year', type: 'temporal' }, y: { field: 'value', type: 'quantitative' } } }),
    });
    const labels = [...chart!.svg.matchAll(/<text[^>]*>(\d{4})<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual(expect.arrayContaining(['2019', '2020', '2021']));
  });

  it('a schema sidecar that links out of the project is refused', async () => {
    const cwd = makeProject({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': exportsCsv.replace(/,b\n/g, ',a\n'), 'specs/x.vl.json': spec(bars) });
    const outside = makeProject({ 'secret.json': 'root:x:0:0' });
    symlinkSync(path.join(outside, 'secret.json'), path.join(cwd, 'data', 't.schema.json'));
    const { diagnostics } = await renderChart(await openProject(cwd), 'x');
    expect(format(diagnostics)).toEqual([
      `data/t.schema.json: error: data/t.schema.json is a link to ${realpathSync(path.join(outside, 'secret.json'))}, outside its folder in the project; citechart reads only files inside it, so copy the file in`,
    ]);
  });
});

describe('review cases, second round', () => {
  it('a filter before an aggregate cites only the rows that pass it', async () => {
    const { chart } = await render({
      'specs/x.vl.json': spec({ transform: [{ filter: "datum.country != 'China'" }], encoding: { x: { aggregate: 'sum', field: 'exports', type: 'quantitative' } } }),
    });
    expect(chart!.entry.sources).toEqual(['b']);
  });

  it('an interval selection does not make every row count as drawn', async () => {
    const { chart, diagnostics } = await render({
      'specs/x.vl.json': spec({ ...bars, transform: [{ filter: "datum.country == 'China'" }], params: [{ name: 'brush', select: { type: 'interval' } }] }),
    });
    expect(chart!.entry.sources).toEqual(['a']);
    // Nor does it warn about the browser window a headless render lacks.
    expect(format(diagnostics)).toEqual([]);
  });

  it('a nearest point selection does not make every row count as drawn', async () => {
    const { chart } = await render({
      'specs/x.vl.json': spec({ ...bars, mark: 'point', transform: [{ filter: "datum.country == 'China'" }], params: [{ name: 'hover', select: { type: 'point', nearest: true } }] }),
    });
    expect(chart!.entry.sources).toEqual(['a']);
  });

  it('whole years filtered by a timeUnit are years', async () => {
    const { chart, diagnostics } = await render({
      'data/t.csv': 'year,value,source\n2019,10,a\n2020,12,b\n2021,15,a\n',
      'specs/x.vl.json': spec({
        transform: [{ filter: { timeUnit: 'year', field: 'year', equal: 2020 } }],
        encoding: { x: { field: 'year', timeUnit: 'year' }, y: { field: 'value', type: 'quantitative' } },
      }),
    });
    expect(format(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(chart!.entry.sources).toEqual(['b']);
    expect(chart!.svg).toMatch(/>2020<\/text>/);
  });
});

describe('aggregates inside facets', () => {
  it('build and cite exactly the rows that pass the filter', async () => {
    const csv = 'region,country,exports,source\nEast,China,90,a\nEast,India,6,b\nWest,Peru,4,b\n';
    const { chart, diagnostics } = await render({
      'data/t.csv': csv,
      'specs/x.vl.json': JSON.stringify({
        data: { url: 'data/t.csv' },
        facet: { column: { field: 'region', type: 'nominal' } },
        spec: { transform: [{ filter: "datum.country != 'China'" }], mark: 'bar', encoding: { y: { aggregate: 'sum', field: 'exports', type: 'quantitative' } } },
      }),
    });
    expect(format(diagnostics.filter((d) => d.severity === 'error'))).toEqual([]);
    expect(chart!.entry.sources).toEqual(['b']);
  });
});
