import { describe, expect, it } from 'vitest';
import { openProject } from '../src/project.js';
import { renderChart } from '../src/renderChart.js';
import { format, project, sourcesCsv } from './helpers/project.js';

const spec = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    data: { url: 'data/t.csv' },
    width: 600,
    mark: 'bar',
    encoding: { x: { field: 'label', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
    ...extra,
  });
const table = 'label,value,source,note\nA,1,a,\nB,2,b,Note on B.\nC,3,a;b,\n';

describe('renderChart', () => {
  it('cites exactly the sources of the rows it draws', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a', 'b'),
      'data/t.csv': table,
      'specs/all.vl.json': spec(),
      'specs/only-a.vl.json': spec({ transform: [{ filter: "datum.label == 'A'" }] }),
    });
    const p = await openProject(cwd);
    const all = await renderChart(p, 'all', { png: false });
    const onlyA = await renderChart(p, 'only-a', { png: false });
    expect(format(all.diagnostics)).toEqual([]);
    expect(all.chart!.entry.sources).toEqual(['a', 'b']);
    expect(all.chart!.svg).toContain('<tspan font-weight="bold">Sources:</tspan> 1. Reuters (A and B), 12 April 2024, citing officials');
    // B's note is numbered for the marker beside B's axis label (src/markers).
    expect(all.chart!.svg).toContain('<tspan font-weight="bold">Note:</tspan> 1. Note on B.</text>');
    expect(all.chart!.svg).toMatch(/<text[^>]*>B¹<\/text>/);
    expect(onlyA.chart!.entry.sources).toEqual(['a']);
    expect(onlyA.chart!.svg).toContain('<tspan font-weight="bold">Source:</tspan> Reuters');
    // B is filtered out, so its note is not shown either.
    expect(onlyA.chart!.svg).not.toContain('Note on B.');
  });

  it('hands the SVG to onSvg once, while its PNG is encoded (build writes it meanwhile): the text the chart returns', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': table, 'specs/all.vl.json': spec() });
    const told: string[] = [];
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'all', {}, { onSvg: (svg) => told.push(svg) });
    expect(format(diagnostics)).toEqual([]);
    expect(told).toEqual([chart!.svg]);
    expect(chart!.png?.byteLength).toBeGreaterThan(0);
  });

  it('counts every row as drawn when marks show aggregates', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a', 'b'),
      'data/t.csv': table,
      'specs/sum.vl.json': JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'bar', encoding: { y: { aggregate: 'sum', field: 'value', type: 'quantitative' } } }),
    });
    const { chart } = await renderChart(await openProject(cwd), 'sum', { png: false });
    expect(chart!.entry.sources).toEqual(['a', 'b']);
  });

  it('records the sha256 of the spec, the rows drawn of each table, the sources cited and the tool versions in the SVG metadata', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a', 'b'), 'data/t.csv': table, 'specs/all.vl.json': spec() });
    const { chart } = await renderChart(await openProject(cwd), 'all', { png: false });
    const metadata = /<metadata[^>]*>(.*?)<\/metadata>/.exec(chart!.svg)![1]!;
    const ld = JSON.parse(metadata.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
    expect(ld.isBasedOn.map((i: { '@type': string; contentUrl: string }) => [i['@type'], i.contentUrl])).toEqual([
      ['MediaObject', 'specs/all.vl.json'],
      ['Dataset', 'data/t.csv'],
      ['Dataset', 'data/sources.csv'],
    ]);
    expect(ld.isBasedOn[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ld.isBasedOn[1].rowsDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(ld.creator.softwareRequirements).toEqual(expect.arrayContaining([expect.stringMatching(/^vega 6\./), expect.stringMatching(/^sharp /)]));
    expect(ld.citation.map((c: { identifier: string }) => c.identifier)).toEqual(['a', 'b']);
  });

  it('gives a spec error at the data url when the table does not exist', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'specs/x.vl.json': '{\n  "data": {"url": "data/nope.csv"},\n  "mark": "bar"\n}' });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'x');
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual(['specs/x.vl.json:2:12: error: data url "data/nope.csv": no such file in the project']);
  });

  it('fails a chart whose data has errors, naming the cell', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': 'label,value,source\nA,1,a\nB,two,a\nC,3,a\n', 'specs/x.vl.json': spec() });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'x');
    expect(chart).toBeUndefined();
    expect(format(diagnostics)[0]).toMatch(/^data\/t\.csv:3:3: error: "two" is not a number/);
  });
});
