import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { comparePng } from '../helpers/snapshots.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { sceneItems, type PlacedItem } from '../../src/markers/sceneBoxes.js';
import { chartArea } from '../../src/markers/drawMarkers.js';
import { markedScenes, type MarkedScene } from '../helpers/markedScenes.js';
import { openFont, sourceSans } from '../../src/text/fontChain.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

// A marker is a superscript number or a reference mark at the end of a text.
const MARKER_AT_END = /([⁰¹²³⁴⁵⁶⁷⁸⁹,]+|[*†‡§‖¶]+)$/u;

/**
 * Where a text item's glyphs put ink (px): its font's glyph boxes (Source
 * Sans 3, as drawn) from its baseline, which Vega offsets from `y` by
 * `baseline` (vega-scenegraph's textOffset: bottom −0.21 em, middle 0.30, top 0.79).
 */
function inkBox(item: Record<string, unknown>): { left: number; top: number; bottom: number } {
  const size = Number(item.fontSize);
  const offset = { top: 0.79, middle: 0.3, bottom: -0.21 }[String(item.baseline)] ?? 0;
  const baseline = Number(item.y) + Math.round(offset * size);
  const font = openFont(sourceSans('regular'), 'regular');
  const box = font.layout(String(item.text)).bbox;
  const scale = size / font.unitsPerEm;
  return { left: Number(item.x) + box.minX * scale, top: baseline - box.maxY * scale, bottom: baseline - box.minY * scale };
}

/** What a reader sees as markers in a drawn scene: citechart's marker texts, and axis labels ending in one. */
function markersOf(scene: MarkedScene): Array<{ text: string; placed: PlacedItem; host?: unknown }> {
  return sceneItems(scene.render.scenegraph)
    .filter(({ mark, item }) => mark.marktype === 'text' && String(item.text ?? '') !== '')
    .filter(({ mark, item }) => mark.role === 'citechart-note-marker' || (mark.role === 'axis-label' && MARKER_AT_END.test(String(item.text))))
    .map((placed) => ({ text: String(placed.item.text), placed, ...(placed.mark.role === 'citechart-note-marker' && { host: placed.item.datum }) }));
}

/**
 * The overlap check on Vega's bounding boxes: each marker against every
 * other visible text and every bar, symbol or image, and the graphic's
 * edges. Returns what each marker collides with, described.
 */
function collisions(scene: MarkedScene): string[] {
  const area = chartArea(scene.render);
  const all = sceneItems(scene.render.scenegraph);
  const visibleText = (p: PlacedItem) => p.mark.marktype === 'text' && String(p.item.text ?? '') !== '' && p.item.opacity !== 0;
  const others = all.filter((p) => visibleText(p) || ['rect', 'symbol', 'image'].includes(p.mark.marktype ?? ''));
  const found: string[] = [];
  for (const marker of markersOf(scene)) {
    const a = marker.placed.box;
    if (a.x1 < area.x1 || a.x2 > area.x2 || a.y1 < area.y1 || a.y2 > area.y2) found.push(`${marker.text} leaves the graphic`);
    for (const other of others) {
      if (other.item === marker.placed.item || other.item === marker.host) continue;
      const b = other.box;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0.5 && h > 0.5) found.push(`${marker.text} overlaps ${other.mark.marktype} ${JSON.stringify(other.item.text ?? other.mark.name)}`);
    }
  }
  return found;
}

const at = (scene: MarkedScene) => (scene.width ? `${scene.width} px artboard` : 'own width');

const barsWithLabels = (label: Record<string, unknown>) =>
  JSON.stringify({
    data: { url: 'data/t.csv' },
    width: 400,
    encoding: { y: { field: 'country', type: 'nominal', sort: null }, x: { field: 'value', type: 'quantitative' } },
    layer: [{ mark: 'bar' }, { mark: { type: 'text', ...label }, encoding: { text: { field: 'value', type: 'quantitative' } } }],
    usermeta: { citechart: { notes: ['Figures are estimates.'], widths: [320, 640] } },
  });
const table = 'country,value,source,note,derived\nAlpha,40,a,,\nBeta,95,a,Beta revised its figure in 2024.,\nGamma,12,a,,Gamma: 100 minus the others.\n';

describe('footnote markers', () => {
  it('puts a row\'s marker after its value label on a bar, numbered as the footer\'s note, without overlap at every width', async () => {
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': table, 'specs/bars.vl.json': barsWithLabels({ align: 'left', dx: 4 }) });
    const scenes = await markedScenes(cwd, 'bars');
    expect(scenes.map(at)).toEqual(['own width', '320 px artboard', '640 px artboard']);
    for (const scene of scenes) {
      // Notes: the spec's (chart-wide, unnumbered), 1. Beta's note, 2. Gamma's derived.
      expect(markersOf(scene).map((m) => [m.text, (m.host as { text?: unknown }).text]), at(scene)).toEqual([['¹', '95'], ['²', '12']]);
      expect(collisions(scene), at(scene)).toEqual([]);
      expect(scene.diagnostics).toEqual([]);
    }
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'bars', { png: false });
    expect(format(diagnostics)).toEqual([]);
    // The chart-wide note carries no number: no marker points at it (review: a "1" with no marker).
    expect(chart!.svg).toContain('<tspan font-weight="bold">Notes:</tspan> Figures are estimates.');
    expect(chart!.svg).toContain('1. Beta revised its figure in 2024.');
    expect(chart!.svg).toContain('2. Gamma: 100 minus the others.');
    // Drawn in the graphic and in each artboard.
    for (const svg of [chart!.svg, ...chart!.artboards!.map((a) => a.svg)]) {
      expect(svg).toMatch(/<text[^>]*>¹<\/text>/);
      expect(svg).toMatch(/<text[^>]*>²<\/text>/);
    }
  });

  it('keeps a marker off the bar when the label sits inside it: the marker goes to the axis label instead', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': table,
      'specs/inside.vl.json': barsWithLabels({ align: 'right', dx: -4, color: 'white' }),
    });
    const scenes = await markedScenes(cwd, 'inside');
    for (const scene of scenes) {
      expect(markersOf(scene).map((m) => m.text).sort(), at(scene)).toEqual(['Beta¹', 'Gamma²']);
      expect(collisions(scene), at(scene)).toEqual([]);
    }
  });

  it('puts a marker after the label at a line\'s end, and warns for a noted point with no label of its own', async () => {
    const lines = 'year,country,value,source,note\n2020,Alpha,10,a,\n2021,Alpha,14,a,Alpha changed its method in 2021.\n2022,Alpha,18,a,Provisional.\n2020,Beta,30,a,\n2021,Beta,28,a,\n2022,Beta,25,a,\n';
    const spec = {
      data: { url: 'data/lines.csv' },
      width: 420,
      encoding: { x: { field: 'year', type: 'ordinal', axis: { labels: true } }, y: { field: 'value', type: 'quantitative' }, color: { field: 'country', type: 'nominal', legend: null } },
      layer: [
        { mark: 'line' },
        { transform: [{ filter: 'datum.year == 2022' }], mark: { type: 'text', align: 'left', dx: 5 }, encoding: { text: { field: 'country', type: 'nominal' } } },
      ],
      usermeta: { citechart: { widths: [320, 640] } },
    };
    // The x axis is ordinal here: 2021's note goes to its year label; 2022's after Alpha's end label.
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/lines.csv': lines, 'specs/lines.vl.json': JSON.stringify(spec) });
    for (const scene of await markedScenes(cwd, 'lines')) {
      expect(markersOf(scene).map((m) => m.text).sort(), at(scene)).toEqual(['2021¹', '²']);
      expect(markersOf(scene).find((m) => m.text === '²')!.host, at(scene)).toMatchObject({ text: 'Alpha' });
      expect(collisions(scene), at(scene)).toEqual([]);
    }
    // On a time axis the 2021 point has no label to carry its marker: a warning at its CSV line.
    const temporal = {
      ...spec,
      encoding: { ...spec.encoding, x: { field: 'year', type: 'temporal' } },
      layer: [spec.layer[0], { ...spec.layer[1], transform: [{ filter: 'year(datum.year) == 2022' }] }],
    };
    const cwd2 = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/lines.csv': lines, 'specs/lines.vl.json': JSON.stringify(temporal) });
    const { diagnostics } = await renderChart(await openProject(cwd2), 'lines', { png: false });
    expect(format(diagnostics)).toEqual([
      expect.stringMatching(/^data\/lines\.csv:3:1: warning: this row's note "Alpha changed its method in 2021\." is numbered ¹ in the footer, but the chart has no place for its marker/),
    ]);
    // With points on the line, the marker goes at the noted point's upper right.
    const points = { ...temporal, layer: [{ mark: { type: 'line', point: true } }, temporal.layer[1]] };
    const cwd3 = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/lines.csv': lines, 'specs/lines.vl.json': JSON.stringify(points) });
    expect(format((await renderChart(await openProject(cwd3), 'lines', { png: false })).diagnostics)).toEqual([]);
    for (const scene of await markedScenes(cwd3, 'lines')) {
      const markers = markersOf(scene);
      expect(markers.map((m) => m.text).sort(), at(scene)).toEqual(['¹', '²'].sort());
      const marker = markers.find((m) => m.text === '¹')!;
      const host = marker.host as { datum: Record<string, unknown>; bounds: { x1: number; y1: number; x2: number; y2: number } };
      expect(host.datum.tonnes ?? host.datum.value, at(scene)).toBe(14);
      expect(collisions(scene), at(scene)).toEqual([]);
      // On the point, not floating above it (review of line.png): the digit's ink reaches down into the point's height, its top above it.
      const ink = inkBox(marker.placed.item);
      expect(ink.bottom, at(scene)).toBeGreaterThan(host.bounds.y1);
      expect(ink.top, at(scene)).toBeLessThan(host.bounds.y1);
      expect(ink.left - host.bounds.x2, at(scene)).toBeLessThan(3);
    }
  });

  it('marks the category\'s axis label when the chart has no direct label', async () => {
    const spec = { data: { url: 'data/t.csv' }, width: 300, mark: 'bar', encoding: { x: { field: 'country', type: 'nominal', sort: null }, y: { field: 'value', type: 'quantitative' } } };
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': table, 'specs/plain.vl.json': JSON.stringify(spec) });
    const [scene] = await markedScenes(cwd, 'plain');
    expect(markersOf(scene!).map((m) => m.text)).toEqual(['Beta¹', 'Gamma²']);
    expect(collisions(scene!)).toEqual([]);
  });

  it('draws reference marks instead of digits when the theme says so, in the footer too', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': table,
      'specs/theme.json': JSON.stringify({ style: { 'citechart-note-marker': { symbols: 'asterisks' } } }),
      'specs/bars.vl.json': barsWithLabels({ align: 'left', dx: 4 }),
    });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'bars', { png: false });
    expect(format(diagnostics)).toEqual([]);
    expect(chart!.svg).toContain('<tspan font-weight="bold">Notes:</tspan> Figures are estimates.');
    expect(chart!.svg).toContain('* Beta revised its figure in 2024.');
    expect(chart!.svg).toMatch(/<text[^>]*>\*<\/text>/);
    expect(chart!.svg).toMatch(/<text[^>]*>†<\/text>/);
  });

  it('draws no marker and numbers as before with "symbols": "none"; refuses an unknown style at its place', async () => {
    const none = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'country,value,source,note\nAlpha,40,a,\nBeta,95,a,Revised.\n',
      'specs/theme.json': JSON.stringify({ style: { 'citechart-note-marker': { symbols: 'none' } } }),
      'specs/bars.vl.json': barsWithLabels({ align: 'left', dx: 4 }).replace('"notes":["Figures are estimates."],', ''),
    });
    const { chart } = await renderChart(await openProject(none), 'bars', { png: false });
    expect(chart!.svg).toContain('<tspan font-weight="bold">Note:</tspan> Revised.</text>');
    expect(chart!.svg).not.toMatch(/<text[^>]*>¹<\/text>/);
    const bad = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': table,
      'specs/bars.vl.json': JSON.stringify({ ...JSON.parse(barsWithLabels({})), config: { style: { 'citechart-note-marker': { symbols: 'roman' } } } }),
    });
    const failed = await renderChart(await openProject(bad), 'bars', { png: false });
    expect(format(failed.diagnostics)).toEqual([expect.stringMatching(/^specs\/bars\.vl\.json:\d+:\d+: error: the note markers' symbols "roman" are not one of "digits", "asterisks", "none"/)]);
  });

  it('draws no marker over 1,000 marked rows, with a warning at the spec', async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `c${i},${i},a,Provisional.`).join('\n');
    const spec = { data: { url: 'data/t.csv' }, width: 300, mark: 'bar', encoding: { x: { field: 'country', type: 'nominal', axis: null }, y: { field: 'value', type: 'quantitative' } } };
    const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': `country,value,source,note\n${rows}\n`, 'specs/many.vl.json': JSON.stringify(spec) });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'many', { png: false });
    expect(format(diagnostics)).toEqual(['specs/many.vl.json:1:1: warning: 1001 drawn rows have a note or "derived", over the 1000 a chart marks: no marker is drawn, the notes are only in the footer; put a note that concerns many rows in usermeta.citechart.notes instead']);
    expect(chart!.svg).not.toContain('¹');
  });

  it('numbers a single row note so its marker has a number to match', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'country,value,source,note\nAlpha,40,a,\nBeta,95,a,Revised.\n',
      'specs/bars.vl.json': barsWithLabels({ align: 'left', dx: 4 }).replace('"notes":["Figures are estimates."],', ''),
    });
    const { chart } = await renderChart(await openProject(cwd), 'bars', { png: false });
    expect(chart!.svg).toContain('<tspan font-weight="bold">Note:</tspan> 1. Revised.</text>');
    expect(chart!.svg).toMatch(/<text[^>]*>¹<\/text>/);
  });
});

describe('footnote markers beside annotations', () => {
  it('go on the row\'s own label, not on an annotation\'s note at the same row (the gallery\'s "Record high")', async () => {
    const scenes = await markedScenes(path.join(process.cwd(), 'tests', 'fixtures', 'gallery'), 'annotated');
    for (const scene of scenes) {
      expect(markersOf(scene).map((m) => (m.host as { text?: unknown }).text).sort(), at(scene)).toEqual(['North', 'South']);
      expect(collisions(scene), at(scene)).toEqual([]);
    }
  });
});

describe('footnote markers on the example charts', () => {
  // The rows with a note or derived in data/*.csv: microelectronics-imports' "All other origins" (derived),
  // china-supplies' "Cruise missile technology" (note). Both are note 2: the spec's own note is 1.
  const cases: Array<[string, string, string]> = [
    ['microelectronics-imports', '10%', '¹'],
    ['microelectronics-imports.fr', '10\u202f%', '¹'],
    ['china-supplies', 'Defence production (use not stated)', '¹'],
    ['china-supplies.fr', 'Production de défense (usage non précisé)', '¹'],
  ];
  it.each(cases)('%s: the marker after its row\'s label, without overlap, at every width', async (name, label, marker) => {
    const scenes = await markedScenes(process.cwd(), name);
    // Its own layout and the theme's 320, 480 and 640 px artboards.
    expect(scenes.length).toBe(4);
    for (const scene of scenes) {
      expect(markersOf(scene).map((m) => [(m.host as { text?: unknown }).text, m.text]), `${name} ${at(scene)}`).toEqual([[label, marker]]);
      expect(collisions(scene), `${name} ${at(scene)}`).toEqual([]);
    }
  });
});

describe('the marked notes in words', () => {
  it('the French edition\'s alt text and data table carry the note with its row, numbered as the marker', async () => {
    const { chart } = await renderChart(await openProject(process.cwd()), 'china-supplies.fr', { png: false });
    expect(chart!.embed!.alt).toMatch(/Note 1 \(Technologie des missiles de croisière\)\u202f: Les responsables n’ont pas précisé à quoi sert la technologie des missiles de croisière\.$/);
    const noted = chart!.embed!.tables.flatMap((table) => table.rows).filter((row) => row.note);
    expect(noted.map((row) => [row.values[0], row.note])).toEqual([['Technologie des missiles de croisière', '1. Les responsables n’ont pas précisé à quoi sert la technologie des missiles de croisière.']]);
  });
});

describe('footnote markers in the example charts\' PNGs', () => {
  const snapshots = path.join(process.cwd(), 'tests', 'snapshots', '__snapshots__', 'markers');
  it.each(['microelectronics-imports', 'china-supplies'])('%s: the PNG matches its snapshot and has ink where the scene puts the marker', async (name) => {
    const { chart } = await renderChart(await openProject(process.cwd()), name);
    expect(await comparePng(snapshots, name, chart!.png!)).toBeUndefined();
    // The PNG (2×) of the spec's own layout: the marker's box, moved from the scene's origin to the graphic's corner.
    const [scene] = await markedScenes(process.cwd(), name);
    const area = chartArea(scene!.render);
    const [marker] = markersOf(scene!);
    const box = marker!.placed.box;
    const left = Math.floor((box.x1 - area.x1) * 2);
    const top = Math.floor((box.y1 - area.y1) * 2);
    const width = Math.ceil((box.x2 - box.x1) * 2);
    const height = Math.ceil((box.y2 - box.y1) * 2);
    const { data } = await sharp(chart!.png!).extract({ left, top, width, height }).greyscale().raw().toBuffer({ resolveWithObject: true });
    const ink = data.filter((v) => v < 128).length;
    expect(ink, `dark pixels in the marker's box of ${name}`).toBeGreaterThan(20);
  });
});
