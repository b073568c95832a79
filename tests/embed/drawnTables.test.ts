// The snippet's data table holds exactly the rows the chart draws, with
// their own citations: renderChart on small fixture projects.
import { DomUtils, parseDocument } from 'htmlparser2';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { embedFile } from '../../src/embed/embedFile.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { barSpec, CITE, makeProject, minimalProject } from '../helpers/fixtureProject.js';

async function snippet(files: Record<string, string>) {
  const project = await openProject(makeProject({ ...minimalProject, ...files }));
  const { chart, diagnostics } = await renderChart(project, 'exports', { png: false });
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const html = embedFile({ ...chart!, embed: chart!.embed! });
  const rows = DomUtils.getElementsByTagName('tr', parseDocument(html).children, true).map((tr) =>
    DomUtils.getChildren(tr).map((cell) => DomUtils.textContent(cell)),
  );
  return { chart: chart!, html, rows };
}

describe('the data table', () => {
  it('lists every drawn row with its columns and its citation', async () => {
    const { rows } = await snippet({});
    expect(rows).toEqual([
      ['country', 'Exports (thousand units)', 'Source'],
      ['Norway', '120', CITE.stats],
      ['Chile', '85', CITE.stats],
      ['Kenya', '40', CITE.monitor],
    ]);
  });

  it("heads each column with the chart's title for it (the encoding's, else its axis's or legend's), not the CSV's name", async () => {
    const spec = JSON.parse(barSpec()) as { encoding: Record<string, Record<string, unknown>> };
    spec.encoding.y = { ...spec.encoding.y, title: 'Country', axis: { title: null } };
    spec.encoding.x = { field: 'exports', type: 'quantitative', axis: { title: 'Exports' } };
    const { rows } = await snippet({ 'specs/exports.vl.json': JSON.stringify(spec) });
    expect(rows[0]).toEqual(['Country', 'Exports', 'Source']);
  });

  // A Reuters/FT review: the table listed rows in an order the graphic does not draw them in.
  it('lists rows in the order a sorted bar chart draws them, top to bottom, not the CSV order', async () => {
    const spec = JSON.parse(barSpec()) as { encoding: Record<string, Record<string, unknown>> };
    spec.encoding.y = { ...spec.encoding.y, sort: 'x' };
    const { rows } = await snippet({ 'specs/exports.vl.json': JSON.stringify(spec) });
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Kenya', 'Chile', 'Norway']);
  });

  it("follows the graphic's own alphabetical order when the nominal axis has no sort (Vega-Lite's default), and the data order with sort: null", async () => {
    const spec = JSON.parse(barSpec()) as { encoding: Record<string, Record<string, unknown>> };
    delete spec.encoding.y!.sort;
    const sorted = await snippet({ 'specs/exports.vl.json': JSON.stringify(spec) });
    expect(sorted.rows.slice(1).map((row) => row[0])).toEqual(['Chile', 'Kenya', 'Norway']);
    const unsorted = await snippet({});
    expect(unsorted.rows.slice(1).map((row) => row[0])).toEqual(['Norway', 'Chile', 'Kenya']);
  });

  it('reads columns left to right when the categories are on x', async () => {
    const spec = JSON.parse(barSpec()) as { encoding: Record<string, Record<string, unknown>> };
    spec.encoding = { x: { field: 'country', type: 'nominal', sort: 'y' }, y: { field: 'exports', type: 'quantitative' } };
    const { rows } = await snippet({ 'specs/exports.vl.json': JSON.stringify(spec) });
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Kenya', 'Chile', 'Norway']);
  });

  it('keeps the CSV order when the graphic has no category axis (a scatter plot), never re-sorting', async () => {
    const csv = 'country,exports,imports,source,note\nNorway,120,3,stats-2024,\nChile,85,1,stats-2024,\nKenya,40,2,monitor-2023,\n';
    const spec = JSON.parse(barSpec()) as Record<string, unknown>;
    spec.mark = 'point';
    spec.encoding = { x: { field: 'imports', type: 'quantitative' }, y: { field: 'exports', type: 'quantitative' }, tooltip: { field: 'country' } };
    const { rows } = await snippet({ 'data/exports.csv': csv, 'specs/exports.vl.json': JSON.stringify(spec) });
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Norway', 'Chile', 'Kenya']);
  });

  it('leaves out rows a filter drops, and their sources', async () => {
    const { rows, html } = await snippet({ 'specs/exports.vl.json': barSpec({ transform: [{ filter: 'datum.exports > 50' }] }) });
    expect(rows.map((row) => row[0])).toEqual(['country', 'Norway', 'Chile']);
    expect(html).not.toContain('Trade Monitor');
  });

  it('adds a note column when a row has a note or a derived explanation, numbered as its marker and the footer', async () => {
    const csv = 'country,exports,source,note,derived\nNorway,120,stats-2024,Provisional.,\nChile,85,stats-2024,,Sum of two ports.\n';
    const { rows } = await snippet({ 'data/exports.csv': csv });
    // Both rows cite the same source: it is said once in the caption, not in a column.
    expect(rows).toEqual([
      ['country', 'Exports (thousand units)', 'Note'],
      ['Norway', '120', '1. Provisional.'],
      ['Chile', '85', '2. Sum of two ports.'],
    ]);
  });

  it('gives no fallback image when no PNG was rendered', async () => {
    const { html } = await snippet({});
    expect(html).not.toContain('<img');
  });
});

describe('the caption', () => {
  it('holds the title and the footer, each source with its URL as a link', async () => {
    const { html } = await snippet({});
    const caption = DomUtils.getElementsByTagName('figcaption', parseDocument(html).children, true)[0]!;
    expect(DomUtils.textContent(caption)).toContain('Widget exports by country');
    const links = DomUtils.getElementsByTagName('a', caption).map((a) => [a.attribs.href, a.attribs.rel, DomUtils.textContent(a)]);
    expect(links).toEqual([
      ['https://example.org/widgets-2024', 'noopener', `1. ${CITE.stats}`],
      ['https://example.org/survey-2023', 'noopener', `2. ${CITE.monitor}`],
    ]);
    expect(DomUtils.textContent(caption)).toContain('Graphic: Test desk');
  });
});

describe('the table says what is drawn (issue 11)', () => {
  it('adds the drawn value of a computed measure to each row, in the chart\'s format', async () => {
    const spec = barSpec({ transform: [{ calculate: 'datum.exports / 1000', as: 'millions' }] }).replace('"field": "exports"', '"field": "millions"');
    const { rows } = await snippet({ 'specs/exports.vl.json': spec.replace('"title": "Exports (thousand units)"', '"title": "Exports (m units)", "axis": {"format": ".2f"}') });
    expect(rows).toEqual([
      ['country', 'exports', 'Exports (m units) as drawn', 'Source'],
      ['Norway', '120', '0.12', CITE.stats],
      ['Chile', '85', '0.09', CITE.stats],
      ['Kenya', '40', '0.04', CITE.monitor],
    ]);
  });

  it('lists values drawn from several rows in a table of their own, before the rows', async () => {
    const csv = 'country,exports,source\nNorway,120,stats-2024\nNorway,30,stats-2024\nKenya,40,monitor-2023\n';
    const spec = barSpec().replace('"type": "quantitative"', '"type": "quantitative", "aggregate": "sum"');
    const { rows, html } = await snippet({ 'data/exports.csv': csv, 'specs/exports.vl.json': spec });
    expect(rows.slice(0, 3)).toEqual([
      ['country', 'Exports (thousand units)'],
      ['Norway', '150'],
      ['Kenya', '40'],
    ]);
    // The rows' own cells: the sum's title does not name them.
    expect(rows[3]).toEqual(['country', 'exports', 'Source']);
    expect(html).toContain('<caption>Values drawn: Widget exports by country</caption>');
  });

  it('adds nothing when the chart draws the cells as they are', async () => {
    const { rows } = await snippet({});
    expect(rows[0]).toEqual(['country', 'Exports (thousand units)', 'Source']);
  });
});

describe('the alt text of a computed measure (issue 11, case 6)', () => {
  it('gives the computed values in the SVG, its JSON-LD and the PNG\'s XMP, never "no value"', async () => {
    const spec = barSpec({ transform: [{ calculate: 'datum.exports * 2', as: 'doubled' }] }).replace('"field": "exports"', '"field": "doubled"');
    const project = await openProject(makeProject({ ...minimalProject, 'specs/exports.vl.json': spec }));
    const { chart } = await renderChart(project, 'exports');
    const alt = chart!.embed!.alt;
    expect(alt).toContain('Norway: 240; Chile: 170; Kenya: 80.');
    expect(chart!.svg).toContain(`<desc id="cc-exports-desc">${alt}</desc>`);
    expect(chart!.svg).toContain(`"description":"${alt}"`);
    const { xmp } = await sharp(chart!.png!).metadata();
    expect(xmp!.toString('utf8')).toContain('Norway: 240; Chile: 170; Kenya: 80.');
  });
});
