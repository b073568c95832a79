// A social card is found by trying layouts (widths, footer forms, rows
// squeezed or not, the format's title or the theme's), and several tries lay
// the chart out the same way: each such layout was compiled and drawn again,
// 81 card renders for 50 distinct layouts over the four English examples.
// Each layout is now drawn once per card: no Vega-Lite spec reaches
// compileSpec twice while a chart and its cards are drawn.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const compiled: string[] = [];
vi.mock('../../src/compile/compileSpec.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/compile/compileSpec.js')>();
  return {
    ...original,
    compileSpec: ((spec, ...rest) => {
      compiled.push(JSON.stringify(spec.vegaLite));
      return original.compileSpec(spec, ...rest);
    }) as typeof original.compileSpec,
  };
});

const { openProject } = await import('../../src/project.js');
const { renderChart } = await import('../../src/renderChart.js');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('social cards', () => {
  it.each(['microelectronics-imports', 'optical-suppliers'])('%s: each layout of a card is compiled and drawn once', async (name) => {
    compiled.length = 0;
    const { chart } = await renderChart(await openProject(root), name);
    expect(chart?.socialCards?.length).toBeGreaterThan(1);
    const repeated = compiled.filter((spec, i) => compiled.indexOf(spec) !== i);
    expect(compiled.length).toBeGreaterThan(5);
    expect(repeated.length).toBe(0);
  });
});
