// Ids Vega makes (gradients, clip paths) are renamed per chart and per
// artboard, and every reference to them resolves inside its own SVG.
import { describe, expect, it } from 'vitest';
import { atWidth } from '../../src/compile/atWidth.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';

const gradientArea = (title: string) =>
  JSON.stringify({
    title,
    data: { url: 'data/t.csv' },
    width: 400,
    height: 120,
    mark: {
      type: 'area',
      clip: true,
      color: { gradient: 'linear', x1: 1, y1: 1, x2: 1, y2: 0, stops: [{ offset: 0, color: 'white' }, { offset: 1, color: 'darkgreen' }] },
    },
    encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'tonnes', type: 'quantitative', scale: { domain: [0, 50] } } },
    usermeta: { citechart: { widths: [320, 640], darkMode: 'auto' } },
  });

const tags = (svg: string) => svg.replace(/>[^<]*</g, '><');
const idsOf = (svg: string) => [...tags(svg).matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);

describe('ids on a page of several charts', () => {
  it('Vega gradients and clip paths get chart- and artboard-unique ids whose references resolve', async () => {
    const cwd = makeProject({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'year,tonnes,source\n2021,10,a\n2022,80,a\n2023,30,a\n',
      'specs/one.vl.json': gradientArea('One'),
      'specs/two.vl.json': gradientArea('Two'),
    });
    const project = await openProject(cwd);
    const svgs: string[] = [];
    for (const name of ['one', 'two']) {
      const { chart, diagnostics } = await renderChart(project, name, { png: false });
      expect(format(diagnostics)).toEqual([]);
      svgs.push(chart!.svg, ...chart!.artboards!.map((a) => a.svg));
    }
    expect(svgs).toHaveLength(6);
    const every = svgs.flatMap(idsOf);
    expect(new Set(every).size).toBe(every.length);
    for (const svg of svgs) {
      expect(svg).toMatch(/<linearGradient id="[^"]+"/);
      expect(svg).toMatch(/<clipPath id="[^"]+"/);
      const own = new Set(idsOf(svg));
      const refs = [...tags(svg).matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
      expect(refs.length).toBeGreaterThanOrEqual(2);
      for (const ref of refs) expect(own.has(ref), ref).toBe(true);
    }
  });
});

describe('atWidth', () => {
  const theme = { padding: 16, title: { fontSize: 19, fontWeight: 'bold' } };

  it('fits the whole chart, padding included, to the width', () => {
    expect(atWidth({ mark: 'bar', width: { step: 20 } }, 320, theme)).toEqual({ mark: 'bar', width: 320, autosize: { type: 'fit-x', contains: 'padding' } });
  });

  it('wraps a string, a list of lines or a {text, subtitle} title into lines that fit', () => {
    const long = 'China supplied 90% of Russia\'s microelectronics imports in 2023';
    const wrapped = atWidth({ title: long }, 320, theme).title as { text: string[] };
    expect(wrapped.text.length).toBeGreaterThan(1);
    expect(wrapped.text.join(' ')).toBe(long);
    const object = atWidth({ title: { text: ['Short', long], subtitle: long, color: 'red' } }, 320, theme).title as Record<string, unknown>;
    expect((object.text as string[])[0]).toBe('Short');
    expect((object.subtitle as string[]).length).toBeGreaterThan(1);
    expect(object.color).toBe('red');
    expect(atWidth({ title: long }, 2000, theme).title).toEqual({ text: [long] });
  });
});
