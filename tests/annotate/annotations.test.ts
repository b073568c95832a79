// usermeta.citechart.annotations (src/annotate): a text at one row, a
// highlight by value, a band with a note. Each is drawn once (a Vega-Lite
// text layer with a `datum` text was drawn once per row, 8 times), placed
// where it covers no mark, line or text, at every artboard, else a warning
// at the annotation; a bad annotation is an error at its line and column.
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { readChartSpec } from '../../src/locale/readEdition.js';
import { compileSpec } from '../../src/compile/compileSpec.js';
import { renderFitted } from '../../src/render/renderFitted.js';
import { findMark, overlapArea, sceneObstacles, segmentHitsBox, type Box } from '../../src/annotate/sceneBoxes.js';
import { makeProject, positionOf } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

const OUTPUT_CSV =
  'month,region,tonnes,source\n' +
  '2024-01-01,North,120,s\n2024-02-01,North,135,s\n2024-03-01,North,128,s\n2024-04-01,North,150,s\n' +
  '2024-01-01,South,80,s\n2024-02-01,South,95,s\n2024-03-01,South,110,s\n2024-04-01,South,104,s\n';
const SOURCES = 'id,publisher,authors,title,published,url,attribution\ns,Office,,Figures,2025-03,https://example.org/f,\n';

/** A line chart of two series with direct labels at the last point (as a desk draws them), plus `annotations`. */
function lineSpec(annotations: unknown[], extra: Record<string, unknown> = {}): string {
  const spec = {
    title: 'Output',
    data: { url: 'data/output.csv' },
    width: 480,
    height: 240,
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: null },
      y: { field: 'tonnes', type: 'quantitative', title: 'Tonnes', scale: { domain: [0, 180] } },
      color: { field: 'region', type: 'nominal', legend: null },
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2.5 } },
      {
        transform: [{ filter: 'month(datum.month) == 3' }],
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 13, fontWeight: 'bold' },
        encoding: { text: { field: 'region', type: 'nominal' } },
      },
    ],
    usermeta: { citechart: { credit: 'Graphic: test desk', annotations } },
    ...extra,
  };
  return JSON.stringify(spec, null, 2) + '\n';
}

const projectWith = (spec: string, files: Record<string, string> = {}) =>
  makeProject({ 'data/sources.csv': SOURCES, 'data/output.csv': OUTPUT_CSV, 'specs/chart.vl.json': spec, ...files });

const render = async (cwd: string) => renderChart(await openProject(cwd), 'chart');
const textCount = (svg: string, text: string) => svg.split(`>${text}</text>`).length - 1;

/** The note's box and everything else drawn, from a fresh render of the chart at its own width (or `width`). */
async function drawnNote(cwd: string, mark: string) {
  const project = await openProject(cwd);
  const { spec } = await readChartSpec(cwd, 'chart');
  const { tables } = await project.tablesFor(spec!);
  const compiled = compileSpec(spec!, tables, undefined);
  const { render: drawn } = await renderFitted(compiled.chart!, cwd, spec!.json);
  const found = findMark(drawn!.scenegraph, mark)!;
  const b = (found.mark.items![0] as { bounds: Box }).bounds;
  return { box: { x1: b.x1 + found.dx, y1: b.y1 + found.dy, x2: b.x2 + found.dx, y2: b.y2 + found.dy }, obstacles: sceneObstacles(drawn!.scenegraph) };
}

describe('a text annotation at a row', () => {
  const note = { type: 'text', text: 'Record high', at: { month: '2024-04-01', region: 'North' } };

  it('is drawn once, in the SVG and every artboard, with no warning', async () => {
    const { chart, diagnostics } = await render(projectWith(lineSpec([note], { usermeta: { citechart: { annotations: [note], widths: [320, 640] } } })));
    expect(format(diagnostics)).toEqual([]);
    expect(textCount(chart!.svg, 'Record high')).toBe(1);
    for (const artboard of chart!.artboards!) expect(textCount(artboard.svg, 'Record high')).toBe(1);
  });

  it('moves off the direct label it would cover (right of the last point is "North") and crosses no line', async () => {
    const { box, obstacles } = await drawnNote(projectWith(lineSpec([note])), 'ccnote_text_0_marks');
    expect(obstacles.boxes.some((other) => overlapArea(box, other) > 0)).toBe(false);
    expect(obstacles.segments.some((segment) => segmentHitsBox(segment, box))).toBe(false);
    expect(obstacles.boxes.length).toBeGreaterThan(5);
  });

  it('is in the alt text, as other text the chart draws', async () => {
    const { chart } = await render(projectWith(lineSpec([note])));
    expect(chart!.embed!.alt).toContain('Record high');
  });

  it('is a warning at the annotation when no place is clear, never a silent overlap', async () => {
    const long = { type: 'text', text: 'A note far too long to sit anywhere in so small a plot without covering something', at: { month: '2024-02-01', region: 'North' } };
    const spec = lineSpec([long], { width: 200, height: 60 });
    const { chart, diagnostics } = await render(projectWith(spec));
    const at = positionOf(spec, '"type": "text"', 1);
    expect(format(diagnostics)).toEqual([
      expect.stringMatching(new RegExp(`^specs/chart\\.vl\\.json:${at.line - 1}:9: warning: annotation "A note far too long.*" cannot be placed in the \\d+ px wide graphic`)),
    ]);
    expect(chart).toBeDefined();
  });
});

describe('a band with a note', () => {
  it('shades the interval once (its own one-row data), under the lines, with its note inside it', async () => {
    const band = { type: 'band', x: ['2024-02-01', '2024-03-01'], text: 'Strike' };
    const cwd = projectWith(lineSpec([band]));
    const { chart, diagnostics } = await render(cwd);
    expect(format(diagnostics)).toEqual([]);
    const rects = /class="mark-rect role-mark ccnote_band_0_marks"[^>]*>([\s\S]*?)<\/g>/.exec(chart!.svg)![1]!;
    expect(rects.match(/<path/g)).toHaveLength(1);
    expect(chart!.svg.indexOf('ccnote_band_0_marks')).toBeLessThan(chart!.svg.indexOf('role-mark layer_0_marks'));
    expect(textCount(chart!.svg, 'Strike')).toBe(1);
    const { box } = await drawnNote(cwd, 'ccnote_bandnote_0_marks');
    const { box: shade } = await drawnNote(cwd, 'ccnote_band_0_marks');
    expect(box.x1).toBeGreaterThanOrEqual(shade.x1);
    expect(box.x2).toBeLessThanOrEqual(shade.x2);
  });
});

describe('a highlight', () => {
  it('draws the picked series in the highlight colour and the others muted, lines kept apart', async () => {
    const { chart, diagnostics } = await render(projectWith(lineSpec([{ type: 'highlight', field: 'region', values: ['South'] }])));
    expect(format(diagnostics)).toEqual([]);
    const lines = [...chart!.svg.matchAll(/<path[^>]*stroke="(#[0-9a-f]{6})"[^>]*stroke-width="2.5"/g)].map((m) => m[1]);
    expect(lines.sort()).toEqual(['#0f5499', '#b3b3b3']);
  });

  it('takes its colours from the theme (config.style)', async () => {
    const theme = JSON.stringify({ style: { 'citechart-highlight': { color: '#e3120b' }, 'citechart-muted': { color: '#cccccc' } } });
    const { chart } = await render(projectWith(lineSpec([{ type: 'highlight', field: 'region', values: ['North'] }]), { 'specs/theme.json': theme }));
    expect(chart!.svg).toContain('stroke="#e3120b"');
    expect(chart!.svg).toContain('stroke="#cccccc"');
  });
});

describe('a bad annotation is an error at its line and column', () => {
  const cases: Array<[string, unknown, string, string]> = [
    ['an unknown field', { type: 'text', text: 'x', at: { mnth: '2024-04-01' } }, '"mnth"', 'field "mnth" is not a column of data/output.csv (columns: "month", "region", "tonnes"); did you mean "month"?'],
    ['a value not in the data', { type: 'text', text: 'x', at: { month: '2024-05-01', region: 'North' } }, '"month": "2024-05-01"', 'no row of data/output.csv has month = "2024-05-01" (its values include "2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"); write a value exactly as the CSV has it'],
    ['an `at` matching several rows', { type: 'text', text: 'x', at: { month: '2024-04-01' } }, '"at"', '2 rows have month = 2024-04-01, but a text annotation is drawn at one row: add another field to "at" (e.g. "region", "tonnes")'],
    ['a highlight of a value not in the data', { type: 'highlight', field: 'region', values: ['North', 'West'] }, '"West"', 'no row of data/output.csv has region = "West" (its values include "North", "South"); write a value exactly as the CSV has it'],
    ['a band end that is not a date', { type: 'band', x: ['2024-02-01', 'spring'] }, '"spring"', 'band end "spring" is not a date: write it as YYYY-MM-DD (or YYYY, YYYY-MM)'],
    // V8's Date.parse reads "5" as May 2001 and "May 3" as 3 May 2001: the band stretched the time axis back to 2001.
    ['a band end that is a bare number on a time axis', { type: 'band', x: ['2024-02-01', '5'] }, '"5"', 'band end "5" is not a date: write it as YYYY-MM-DD (or YYYY, YYYY-MM)'],
    ['a band end in words on a time axis', { type: 'band', x: ['May 3', '2024-02-01'] }, '"May 3"', 'band end "May 3" is not a date: write it as YYYY-MM-DD (or YYYY, YYYY-MM)'],
    ['a property the type does not take', { type: 'highlight', field: 'region', values: ['North'], text: 'x' }, '"text"', 'a "highlight" annotation takes "field", "values", not "text"; remove it or change "type"'],
  ];
  it.each(cases)('%s', async (_name, annotation, needle, message) => {
    const spec = lineSpec([annotation]);
    const at = positionOf(spec, needle, spec.slice(0, spec.indexOf('"annotations"')).split(needle).length - 1);
    const { chart, diagnostics } = await render(projectWith(spec));
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs/chart.vl.json:${at.line}:${at.column}: error: ${message}`]);
  });

  // A band end no row has on a category axis added that category to the axis: a bar chart
  // of North and South grew an empty "West" slot, silently.
  it('a band end on a category axis that no row has', async () => {
    const spec = JSON.stringify(
      {
        title: 'Output',
        data: { url: 'data/output.csv' },
        mark: 'bar',
        encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'tonnes', type: 'quantitative', aggregate: 'sum' } },
        usermeta: { citechart: { annotations: [{ type: 'band', x: ['North', 'West'] }] } },
      },
      null,
      2,
    );
    const at = positionOf(spec, '"West"');
    const { chart, diagnostics } = await render(projectWith(spec));
    expect(chart).toBeUndefined();
    expect(format(diagnostics)).toEqual([
      `specs/chart.vl.json:${at.line}:${at.column}: error: no row of data/output.csv has region = "West" (its values include "North", "South"); write a value exactly as the CSV has it`,
    ]);
  });

  // On a bar of sum(tonnes) the note's own layer summed its one row: "Peak" sat at 150 t, in
  // the middle of a 553 t bar, as if it marked a value. Its row is aggregated away: left out, with a warning.
  it('a text at a row of a chart that aggregates its rows is left out, with a warning', async () => {
    const spec = JSON.stringify(
      {
        title: 'Output',
        data: { url: 'data/output.csv' },
        mark: 'bar',
        encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'tonnes', type: 'quantitative', aggregate: 'sum' } },
        usermeta: { citechart: { annotations: [{ type: 'text', text: 'Peak', at: { month: '2024-04-01', region: 'North' } }] } },
      },
      null,
      2,
    );
    const at = positionOf(spec, '"at"');
    const { chart, diagnostics } = await render(projectWith(spec));
    expect(textCount(chart!.svg, 'Peak')).toBe(0);
    expect(format(diagnostics)).toEqual([
      `specs/chart.vl.json:${at.line}:${at.column}: warning: annotation "Peak" is at one row, but the chart draws the sum of "tonnes" over rows on y: that row is no mark of its own, so the note is left out; annotate a chart that draws each row, or use a highlight or band`,
    ]);
  });

  it('a theme annotation colour that is no CSS colour', async () => {
    const theme = JSON.stringify({ style: { 'citechart-highlight': { color: 'reddish' } } }, null, 2);
    const { diagnostics } = await openProject(projectWith(lineSpec([]), { 'specs/theme.json': theme }));
    expect(format(diagnostics)).toContain('specs/theme.json:4:7: error: style "citechart-highlight": color "reddish" is not a CSS colour (e.g. "#c8102e")');
  });
});

describe('a translated edition of an annotated chart', () => {
  const note = { type: 'text', text: 'Record high', at: { month: '2024-04-01', region: 'North' } };
  const translation = (strings: Record<string, string>) =>
    JSON.stringify({ strings: { Output: 'Production', Tonnes: 'Tonnes', region: 'Région', month: 'Mois', 'Graphic: test desk': 'Graphique : test', ...strings }, values: { North: 'Nord', South: 'Sud', '2024-01-01': '2024-01-01', '2024-02-01': '2024-02-01', '2024-03-01': '2024-03-01', '2024-04-01': '2024-04-01' } });

  it("requires the note's translation, at the note", async () => {
    const spec = lineSpec([note]);
    const { chart, diagnostics } = await renderChart(await openProject(projectWith(spec, { 'specs/chart.fr.json': translation({}) })), 'chart.fr');
    expect(chart).toBeUndefined();
    const at = positionOf(spec, '"text": "Record high"');
    expect(format(diagnostics)).toContain(`specs/chart.vl.json:${at.line}:${at.column}: error: "Record high" has no French translation: add it to specs/chart.fr.json, mapping the English text to its translation`);
  });

  it('draws the translated note once, at the row its translated values pick out', async () => {
    const { chart, diagnostics } = await renderChart(await openProject(projectWith(lineSpec([note]), { 'specs/chart.fr.json': translation({ 'Record high': 'Record' }) })), 'chart.fr');
    expect(format(diagnostics)).toEqual([]);
    expect(textCount(chart!.svg, 'Record')).toBe(1);
    expect(textCount(chart!.svg, 'Record high')).toBe(0);
  });
});

// A text note on a bar chart sorted by value (as `citechart new` writes one,
// "sort": "-x") redrew its bars in alphabetical order, with two Vega-Lite
// warnings at 1:1 about unioned domains and exit 0: the note layer's own
// filtered dataset made Vega-Lite union the domains and drop the sort.
describe('a text annotation on a sorted bar chart', () => {
  const csv = 'region,jobs,source\nAberdeen,100,s\nLondon,5400,s\nWales,1450,s\n';
  const bars = (annotations: unknown[]) =>
    JSON.stringify({
      title: 'Jobs',
      data: { url: 'data/jobs.csv' },
      mark: 'bar',
      encoding: { y: { field: 'region', type: 'nominal', title: null, sort: '-x' }, x: { field: 'jobs', type: 'quantitative', title: 'Jobs (thousand)' } },
      usermeta: { citechart: { annotations } },
    }, null, 2);
  // The y axis's labels, top to bottom as drawn (the SVG carries no inner ARIA labels to read them from).
  const axisOrder = (svg: string) => {
    const groups = [...svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)].map((found) => found[1]!);
    const group = groups.find((labels) => labels.includes('>London<'))!;
    const labels = [...group.matchAll(/<text[^>]*transform="translate\([-\d.]+,([-\d.]+)\)"[^>]*>([^<]*)<\/text>/g)];
    return labels.sort((a, b) => Number(a[1]) - Number(b[1])).map((label) => label[2]).join(', ');
  };

  it('keeps the bars in the order of their values, drawn once, with no warning', async () => {
    const cwd = makeProject({ 'data/sources.csv': SOURCES, 'data/jobs.csv': csv, 'specs/chart.vl.json': bars([{ type: 'text', text: 'Capital', at: { region: 'London' } }]) });
    const { chart, diagnostics } = await render(cwd);
    expect(format(diagnostics)).toEqual([]);
    expect(axisOrder(chart!.svg)).toBe('London, Wales, Aberdeen');
    expect(textCount(chart!.svg, 'Capital')).toBe(1);
  });
});
