// usermeta.citechart.widths: one standalone SVG per width, re-laid-out by
// Vega at that width (not scaled), footer re-wrapped, ids unique per
// artboard; NAME.svg and the PNG keep the spec's own layout.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { chartFiles, renderChart } from '../../src/renderChart.js';
import { barSpec, makeProject, minimalProject, SOURCES_CSV } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';
import { elementText, footerLines, rootAttributes, svgJsonLd, svgSize, xmlProblem } from '../helpers/svg.js';

const TITLE = 'Widget exports by country, as reported by the statistics office and a market survey';
const spec = barSpec({ title: TITLE, extra: { usermeta: { citechart: { credit: 'Graphic: Test desk', widths: [640, 200], darkMode: 'auto' } } } });
const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': spec });
const { chart, diagnostics } = await renderChart(await openProject(cwd), 'exports');
const ids = (svg: string) => [...svg.replace(/>[^<]*</g, '><').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe('artboards', () => {
  it('builds one per width, sorted ascending, with no warnings', () => {
    expect(format(diagnostics)).toEqual([]);
    expect(chart!.artboards!.map((a) => a.width)).toEqual([200, 640]);
  });

  it('lays each out at its width: the viewBox is that wide, the plot re-fitted', () => {
    for (const { width, svg } of chart!.artboards!) {
      expect(xmlProblem(svg)).toBeUndefined();
      expect(svgSize(svg).width).toBe(width);
      expect(rootAttributes(svg).width).toBe('100%');
    }
    const plotWidth = (svg: string) => Number(/class="background" aria-hidden="true" d="M0,0h([\d.]+)v/.exec(svg)?.[1]);
    const [narrow, wide] = chart!.artboards!.map((a) => plotWidth(a.svg));
    expect(narrow).toBeGreaterThan(50);
    expect(wide! - narrow!).toBeCloseTo(440, 0);
  });

  it('wraps the title (Vega would not) and the footer to the width', () => {
    const [narrow, wide] = chart!.artboards!.map((a) => a.svg);
    const titleLines = (svg: string) => (/<g class="mark-text role-title-text"[\s\S]*?<\/g>/.exec(svg)?.[0].match(/<tspan|<text/g) ?? []).length;
    expect(titleLines(narrow!)).toBeGreaterThan(titleLines(wide!));
    expect(footerLines(narrow!).length).toBeGreaterThan(footerLines(wide!).length);
    expect(footerLines(narrow!).join(' ')).toBe(footerLines(wide!).join(' '));
  });

  it('is a complete standalone graphic: title, alt, provenance and its own dark-mode style', () => {
    for (const { svg } of chart!.artboards!) {
      expect(elementText(svg, 'title')).toBe(TITLE);
      expect(elementText(svg, 'desc')).toBe(elementText(chart!.svg, 'desc'));
      expect(svgJsonLd(svg)).toEqual(svgJsonLd(chart!.svg));
      expect(svg).toContain(`#${rootAttributes(svg).id!.replace('.', '\\.')} [fill=`);
    }
  });

  it('gives every id on a page of the chart and its artboards a distinct value, references resolving', () => {
    const all = [chart!.svg, ...chart!.artboards!.map((a) => a.svg)];
    const every = all.flatMap(ids);
    expect(new Set(every).size).toBe(every.length);
    expect(ids(chart!.artboards![0]!.svg).every((id) => id.startsWith('cc-exports.w200-'))).toBe(true);
    for (const svg of all) {
      const own = new Set(ids(svg));
      for (const ref of svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"|aria-labelledby="([^"]+)"/g)) {
        for (const id of (ref[1] ?? ref[2] ?? ref[3])!.split(' ')) expect(own.has(id)).toBe(true);
      }
    }
  });

  it('writes NAME-WIDTHw.svg files; NAME.svg and the PNG keep the spec\'s own layout', async () => {
    expect(chartFiles(chart!).map((f) => f.suffix)).toEqual(['.svg', '.png', '-200w.svg', '-640w.svg', '.html']);
    const own = svgSize(chart!.svg);
    expect(own.width).not.toBe(200);
    expect(own.width).not.toBe(640);
    const png = await sharp(chart!.png!).metadata();
    expect({ width: png.width, height: png.height }).toEqual({ width: own.width * 2, height: own.height * 2 });
  });

  it('a chart without widths has no artboards', async () => {
    const plain = await renderChart(await openProject(makeProject({ ...minimalProject, 'data/sources.csv': SOURCES_CSV })), 'exports', { png: false });
    expect(plain.chart!.artboards).toBeUndefined();
    expect(chartFiles(plain.chart!).map((f) => f.suffix)).toEqual(['.svg', '.html']);
  });
});

describe('--theme dark', () => {
  it('draws SVG and PNG dark, artboards too, without a prefers-color-scheme style', async () => {
    const dark = await renderChart(await openProject(cwd), 'exports', { theme: 'dark' });
    expect(format(dark.diagnostics)).toEqual([]);
    for (const svg of [dark.chart!.svg, ...dark.chart!.artboards!.map((a) => a.svg)]) {
      expect(svg).toMatch(/<rect class="citechart-background" aria-hidden="true" width="\d+" height="\d+" fill="#1b1b1b"/);
      expect(svg).not.toContain('prefers-color-scheme');
      expect(svg).toContain('<g class="citechart-footer"');
      expect(svg).toMatch(/<g class="citechart-footer"[^>]* fill="#9d9d9d"/);
    }
    const { data, info } = await sharp(dark.chart!.png!).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).toEqual([27, 27, 27]);
    expect(info.width).toBe(svgSize(dark.chart!.svg).width * 2);
  });
});
