// Every example chart's HTML snippet inlined into one page, opened in
// Chromium: ids must be unique page-wide with every reference resolving
// inside its own chart, artboards must be chosen by the container's width,
// and each chart as the page draws it must match its standalone PNG.
//
// The page is served from a made-up origin by playwright's request routing
// (no server process); it loads the bundled Source Sans 3 with @font-face
// from node_modules/source-sans: the test page's doing, not the snippet's
// (outputs reference no font URL).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedFile, svgSize } from '../../src/embed/embedFile.js';
import { embedHtml } from '../../src/embed/embedHtml.js';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart, type RenderedChart } from '../../src/renderChart.js';
import { renderPng } from '../../src/render/renderPng.js';
import { fontFile } from '../../src/text/fonts.js';
import { hostileFacts } from '../embed/hostile.js';
import { launchBrowser } from '../helpers/browser.js';
import { pixelDifference } from '../helpers/snapshots.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'http://citechart.test';
const FONTS = { 'regular.ttf': fontFile('regular'), 'bold.ttf': fontFile('bold'), 'italic.ttf': fontFile('italic'), 'bold-italic.ttf': fontFile('boldItalic') };
const FONT_FACES = [
  ['regular.ttf', 'normal', 400],
  ['bold.ttf', 'normal', 700],
  ['italic.ttf', 'italic', 400],
  ['bold-italic.ttf', 'italic', 700],
]
  .map(([file, style, weight]) => `@font-face{font-family:"Source Sans 3";src:url("${ORIGIN}/fonts/${file}") format("truetype");font-style:${style};font-weight:${weight}}`)
  .join('\n');

/**
 * Share of pixels allowed to differ between Chromium's drawing and sharp's
 * (librsvg's) PNG, pixelmatch threshold 0.1. Measured on this repo's three
 * charts at 2× (2026-11-26, Chromium 156, librsvg 2.63): 0.07 %, 0.10 % and
 * 0.14 % of pixels differ, all on glyph edges (the two rasterisers
 * anti-alias text differently; shapes, positions and colours agree). The
 * same page without the @font-face, i.e. in Chromium's fallback sans
 * (DejaVu Sans), differs in 2.7 %, 4.4 % and 6.5 %. 0.5 % sits well above
 * the first and well below the second: it fails on a wrong font, a moved
 * label or a missing footer line, not on anti-aliasing.
 */
const PIXEL_TOLERANCE = 0.005;

interface Slot {
  chart: string;
  /** Artboard index, the width it is meant for, and the PNG it must match. */
  artboard: number;
  width: number;
  png: Buffer;
}

let browser: Browser;
let page: Page;
const charts: RenderedChart[] = [];
const slots: Slot[] = [];
/** Paths the page asked for besides itself and its fonts. */
const requested: string[] = [];

beforeAll(async () => {
  // Launched before anything renders a PNG: renderPng points FONTCONFIG_FILE
  // at the bundled font, and a Chromium started with that would find Source
  // Sans 3 as a system font, hiding a page that fails to load it.
  const fontconfig = process.env.FONTCONFIG_FILE;
  delete process.env.FONTCONFIG_FILE;
  browser = await launchBrowser().finally(() => {
    if (fontconfig !== undefined) process.env.FONTCONFIG_FILE = fontconfig;
  });
  const project = await openProject(root);
  for (const name of await listSpecs(root)) {
    const { chart } = await renderChart(project, name);
    if (!chart) throw new Error(`${name} did not render`);
    charts.push(chart);
    if (chart.artboards?.length) {
      // Each artboard against its own rasterisation (the standalone PNG is the spec's own layout).
      for (const [i, board] of chart.artboards.entries()) {
        slots.push({ chart: name, artboard: i, width: svgSize(board.svg).width, png: await renderPng(board.svg, '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>') });
      }
    } else {
      slots.push({ chart: name, artboard: 0, width: svgSize(chart.svg).width, png: chart.png! });
    }
  }
  const body = charts
    .map((chart) => `<section class="slot" id="slot-${chart.name}" style="width:${slots.find((s) => s.chart === chart.name)!.width}px">${embedFile({ ...chart, embed: chart.embed! })}</section>`)
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>\n${FONT_FACES}\nbody{margin:0;background:#fff}.slot{margin:0 0 48px}\n</style></head><body>\n${body}\n</body></html>`;
  page = await browser.newPage({ deviceScaleFactor: 2, viewport: { width: 1400, height: 900 } });
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
    const font = FONTS[url.pathname.replace('/fonts/', '') as keyof typeof FONTS];
    if (font) return route.fulfill({ contentType: 'font/ttf', body: readFileSync(font) });
    requested.push(url.pathname);
    return route.fulfill({ status: 404 });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(async () => {
    await Promise.all([...document.fonts].map((face) => face.load()));
    await document.fonts.ready;
  });
});
afterAll(() => browser?.close());

describe('all example charts on one page', () => {
  it('loaded the bundled font for the page', async () => {
    const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => `${f.family} ${f.weight} ${f.style}`));
    expect(loaded).toEqual(expect.arrayContaining(['Source Sans 3 400 normal', 'Source Sans 3 700 normal']));
  });

  it('never downloads the fallback PNGs while the SVGs show', () => {
    expect(requested).toEqual([]);
  });

  it('has ids unique page-wide, and every url(#…), href="#…" and aria reference resolves inside its own <svg>', async () => {
    const report = await page.evaluate(() => {
      const outermost = (el: Element) => {
        let svg: Element | null = el.closest('svg');
        while (svg?.parentElement?.closest('svg')) svg = svg.parentElement.closest('svg');
        return svg;
      };
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
      const problems: string[] = [];
      let references = 0;
      for (const svg of document.querySelectorAll('section svg')) {
        if (outermost(svg) !== svg) continue;
        for (const el of [svg, ...svg.querySelectorAll('*')]) {
          for (const attr of el.getAttributeNames()) {
            const value = el.getAttribute(attr)!;
            const targets = [...value.matchAll(/url\(\s*["']?#([^"')\s]+)/g)].map((m) => m[1]!);
            if (/(^|:)href$/.test(attr) && value.startsWith('#')) targets.push(value.slice(1));
            if (attr === 'aria-labelledby' || attr === 'aria-describedby') targets.push(...value.split(/\s+/).filter(Boolean));
            for (const id of targets) {
              references++;
              const target = document.getElementById(id);
              if (!target) problems.push(`${attr}="${value}" on <${el.tagName}>: no element #${id}`);
              else if (outermost(target) !== svg) problems.push(`${attr}="${value}" on <${el.tagName}>: #${id} is in another chart`);
            }
          }
        }
      }
      return { duplicates, problems, references, svgs: document.querySelectorAll('section svg').length };
    });
    expect(report.duplicates).toEqual([]);
    expect(report.problems).toEqual([]);
    // Each chart refers at least to its <title> and <desc>.
    expect(report.references).toBeGreaterThanOrEqual(2 * charts.length);
    expect(report.svgs).toBeGreaterThanOrEqual(charts.length);
  });

  it('draws each chart (and each artboard at its width) as its standalone PNG, within the anti-aliasing tolerance', async () => {
    const measured: string[] = [];
    for (const slot of slots) {
      // An attribute selector: an edition's name (`NAME.fr`) has a dot, which `#id` would read as a class.
      const section = page.locator(`[id="slot-${slot.chart}"]`);
      await section.evaluate((el, width) => ((el as HTMLElement).style.width = `${width}px`), slot.width);
      const visible = section.locator('[class*="-embed-art-"]:visible');
      expect(await visible.count()).toBe(1);
      expect(await visible.getAttribute('class')).toContain(`-art-${slot.artboard}`);
      const shot = await visible.locator('svg').screenshot({ animations: 'disabled' });
      const diff = await pixelDifference(slot.png, shot);
      measured.push(`${slot.chart}#${slot.artboard}: ${(diff * 100).toFixed(2)}%`);
      expect.soft(diff, `${slot.chart} artboard ${slot.artboard} differs from its PNG in ${(diff * 100).toFixed(2)}% of pixels`).toBeLessThanOrEqual(PIXEL_TOLERANCE);
    }
    console.log(`pixel differences, page vs PNG: ${measured.join(', ')}`);
  });
});

describe('artboard choice by container width (CSS only)', () => {
  const colours = ['#ff0000', '#00ff00', '#0000ff'];
  const box = (width: number, colour: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${width} 50"><rect width="${width}" height="50" fill="${colour}"/></svg>`;
  const snippet = embedHtml(hostileFacts(), [320, 640, 960].map((width, i) => ({ width, svg: box(width, colours[i]!) })), undefined);

  it.each([
    [200, 0],
    [319, 0],
    [320, 0],
    [639, 0],
    [640, 1],
    [959, 1],
    [960, 2],
    [1300, 2],
  ])('a %i px container shows artboard %i', async (width, expected) => {
    const other = await browser.newPage();
    await other.setContent(`<!doctype html><body style="margin:0"><div style="width:${width}px">${snippet}</div>`);
    const shown = await other.locator('[class*="-embed-art-"]:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-width')));
    expect(shown).toEqual([String([320, 640, 960][expected])]);
    await other.close();
  });
});
