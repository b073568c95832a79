// Several charts and their artboards inlined in one page: each draws exactly
// as it does alone. Two charts whose Vega gradients and clip paths would
// share ids (Vega numbers them per process) use different colours, so a
// reference that resolved to the other chart's gradient would show.
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { launchBrowser } from '../helpers/browser.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { sourcesCsv } from '../helpers/project.js';

const gradientArea = (color: string) =>
  JSON.stringify({
    data: { url: 'data/t.csv' },
    width: 300,
    height: 100,
    mark: { type: 'area', clip: true, color: { gradient: 'linear', x1: 1, y1: 1, x2: 1, y2: 0, stops: [{ offset: 0, color: 'white' }, { offset: 1, color }] } },
    encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'tonnes', type: 'quantitative', scale: { domain: [0, 50] } } },
    usermeta: { citechart: { widths: [320, 480] } },
  });

let browser: Browser;
let page: Page;
const svgs: string[] = [];
beforeAll(async () => {
  const cwd = makeProject({
    'data/sources.csv': sourcesCsv('a'),
    'data/t.csv': 'year,tonnes,source\n2021,10,a\n2022,80,a\n2023,30,a\n',
    'specs/green.vl.json': gradientArea('#00a000'),
    'specs/red.vl.json': gradientArea('#d00000'),
  });
  const project = await openProject(cwd);
  for (const name of ['green', 'red']) {
    const { chart } = await renderChart(project, name, { png: false });
    svgs.push(chart!.svg, ...chart!.artboards!.map((a) => a.svg));
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 600, height: 4000 } });
});
afterAll(() => browser?.close());

// Each chart in its own fixed-height box, so every one starts on a whole pixel.
const figure = (svg: string) => `<div style="width:480px;height:600px;overflow:hidden">${svg}</div>`;
async function shot(html: string, index: number): Promise<PNG> {
  await page.setContent(`<!doctype html><body style="margin:0">${html}</body>`);
  return PNG.sync.read(await page.locator('svg.citechart').nth(index).screenshot());
}

describe('ids on a page of several charts, in Chromium', () => {
  it('every chart and artboard draws in one page exactly as it does alone', async () => {
    expect(svgs).toHaveLength(6);
    const together = svgs.map(figure).join('');
    for (const [i, svg] of svgs.entries()) {
      const [alone, inPage] = [await shot(figure(svg), 0), await shot(together, i)];
      expect([inPage.width, inPage.height]).toEqual([alone.width, alone.height]);
      const differing = pixelmatch(alone.data, inPage.data, undefined, alone.width, alone.height, { threshold: 0.1 });
      expect(differing, `chart ${i}`).toBeLessThan(alone.width * alone.height * 0.001);
    }
  });

  it('the check can fail: with Vega\'s own ids, the red chart borrows the green gradient', async () => {
    // Undo the renaming: every chart's gradient becomes "g" again, as Vega left it.
    const unprefixed = svgs.map((svg) => svg.replace(/cc-(green|red)(\.w\d+)?-(\d+)/g, 'vega-$3'));
    const redAlone = await shot(figure(unprefixed[3]!), 0);
    const redInPage = await shot(unprefixed.map(figure).join(''), 3);
    const differing = pixelmatch(redAlone.data, redInPage.data, undefined, redAlone.width, redAlone.height, { threshold: 0.1 });
    expect(differing).toBeGreaterThan(1000);
  });
});
