// A map's region labels, in every built graphic of the example locator map
// (article width, artboards, every edition): each label's letters lie inside
// its region, or a leader line joins it to its region, a leader that crosses
// no other country's land (a Reuters/FT review, 2026: "États-Unis" overhung
// the US at 320 px; Ukraine's leader crossed Turkey).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { insideShape, parsePath, type Shape } from '../../src/geo/pathShapes.js';
import { placeMapLabels } from '../../src/geo/placeMapLabels.js';
import { measureText } from '../../src/text/textMetrics.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const output = path.join(root, 'output');
const maps = readdirSync(output).filter((file) => /^countries-named.*\.svg$/.test(file));

interface Label { text: string; x1: number; x2: number; y1: number; y2: number }

/** The labels (the text marks with an accessible name "…: NAME") as their letters' boxes, measured with the bundled bold face. */
function labelsOf(svg: string): Label[] {
  const labels: Label[] = [];
  for (const [, , attrs, body] of [...svg.matchAll(/<text aria-label="[^"]*: ([^"]*)"([^>]*)>(.*?)<\/text>/g)] as unknown as Array<[string, string, string, string]>) {
    const [, tx, ty] = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(attrs)!.map(Number) as [number, number, number];
    const size = Number(/font-size="([\d.]+)px"/.exec(attrs)![1]);
    const lines = body.includes('<tspan') ? [...body.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]!) : [body];
    const step = Number(/dy="([\d.]+)"/.exec(body)?.[1] ?? 0);
    const width = Math.max(...lines.map((line) => measureText(line, size, 'bold')));
    const descends = /[gjpqy]/.test(lines.at(-1)!);
    labels.push({ text: lines.join(' '), x1: tx - width / 2, x2: tx + width / 2, y1: ty - 0.66 * size, y2: ty + step * (lines.length - 1) + (descends ? 0.2 * size : 0) });
  }
  return labels;
}

/** Every shape of the map, with its accessible name when it has one ("Country: China"). */
function shapesOf(svg: string): Array<Shape & { name: string }> {
  const shapes: Array<Shape & { name: string }> = [];
  for (const group of svg.matchAll(/<g class="mark-shape role-mark[^"]*"[^>]*>(.*?)<\/g>/g)) {
    for (const path of group[1]!.matchAll(/<path([^>]*?)\sd="([^"]*)"/g)) {
      shapes.push({ ...parsePath(path[2]!), name: /aria-label="[^"]*: ([^"]*)"/.exec(path[1]!)?.[1] ?? '' });
    }
  }
  return shapes;
}

/** Leader lines: citechart's own, and a spec's rule marks (`<line transform="translate(x,y)" x2 y2>`). */
function leadersOf(svg: string): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  const leaders = [];
  for (const line of svg.matchAll(/<line ([^>]*)\/>/g)) {
    const a = (name: string) => Number(new RegExp(`\\b${name}="([-\\d.e]+)"`).exec(line[1]!)?.[1] ?? 0);
    const t = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(line[1]!);
    const [ox, oy] = t ? [Number(t[1]), Number(t[2])] : [0, 0];
    leaders.push({ x1: ox + a('x1'), y1: oy + a('y1'), x2: ox + a('x2'), y2: oy + a('y2') });
  }
  return leaders;
}

const points = (box: Label) => {
  const out: Array<[number, number]> = [];
  for (let i = 0; i <= 10; i++) for (let j = 0; j <= 4; j++) out.push([box.x1 + ((box.x2 - box.x1) * i) / 10, box.y1 + ((box.y2 - box.y1) * j) / 4]);
  return out;
};
const near = (x: number, y: number, box: Label, by = 3) => x >= box.x1 - by && x <= box.x2 + by && y >= box.y1 - by - 3 && y <= box.y2 + by;

describe('map labels fit their region or have a clean leader', () => {
  expect(maps.length).toBeGreaterThanOrEqual(6);
  it.each(maps)('%s', (file) => checkLabels(file, readFileSync(path.join(output, file), 'utf8')));
});

describe('map labels at every width, in both editions', () => {
  it('from 280 to 760 px, every 80', async () => {
    const project = await openProject(root);
    for (const name of ['countries-named', 'countries-named.fr']) {
      for (let width = 280; width <= 760; width += 80) {
        const { chart } = await renderChart(project, name, { width, png: false });
        checkLabels(`${name} at ${width} px`, chart!.svg);
      }
    }
  }, 120_000);
});

/** Each label inside its region, or joined to it by a leader over no other land. */
function checkLabels(file: string, svg: string): void {
    const shapes = shapesOf(svg);
    const labels = labelsOf(svg);
    expect(labels.length).toBe(4);
    for (const label of labels) {
      const region = shapes.filter((shape) => shape.name === label.text);
      expect(region.length, `${file}: a shape for ${label.text}`).toBeGreaterThan(0);
      const own = region;
      const inside = points(label).every(([x, y]) => own.some((shape) => insideShape(shape, x, y)));
      if (inside) continue;
      const leader = leadersOf(svg).find((l) => (own.some((s) => insideShape(s, l.x1, l.y1)) && near(l.x2, l.y2, label)) || (own.some((s) => insideShape(s, l.x2, l.y2)) && near(l.x1, l.y1, label)));
      expect(leader, `${file}: "${label.text}" overhangs its region and has no leader`).toBeDefined();
      // Over no other country's land, a px of tolerance at the ends.
      const others = shapes.filter((shape) => !own.some((o) => o.bounds.x1 === shape.bounds.x1 && o.bounds.y1 === shape.bounds.y1 && o.bounds.x2 === shape.bounds.x2));
      let over = 0;
      const length = Math.hypot(leader!.x2 - leader!.x1, leader!.y2 - leader!.y1);
      for (let k = 0; k <= 100; k++) {
        const x = leader!.x1 + ((leader!.x2 - leader!.x1) * k) / 100;
        const y = leader!.y1 + ((leader!.y2 - leader!.y1) * k) / 100;
        if (!own.some((s) => insideShape(s, x, y)) && others.some((s) => insideShape(s, x, y))) over += length / 101;
      }
      expect(over, `${file}: "${label.text}"'s leader crosses ${over.toFixed(1)} px of other land`).toBeLessThanOrEqual(1.5);
    }
}

describe('placeMapLabels', () => {
  it('leaves a chart with no region labels as it is', () => {
    const render = { svg: '<svg/>', width: 1, height: 1, background: '', padding: { top: 0, left: 0, right: 0, bottom: 0 }, scenegraph: { items: [] }, foldedRowIds: new Set<number>(), nestedFolds: false, repeatedPalettes: [], nonFinite: [] };
    expect(placeMapLabels(render)).toEqual({ render, placed: [] });
  });
});
