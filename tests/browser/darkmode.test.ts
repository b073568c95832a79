// darkMode "auto": one SVG that reads well on light and dark pages. In
// Chromium with an emulated colour scheme, the computed colours of
// background, title, axis labels and footer flip, data colours keep their hue
// and stand out, and a chart without the setting on the same page is untouched.
import { rgb } from 'd3';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { darkModeStyle } from '../../src/provenance/darkMode.js';
import { paper } from '../../src/render/darkPalette.js';
import { contrast } from '../../src/render/wcagContrast.js';
import { launchBrowser } from '../helpers/browser.js';
import { DOMPURIFY, svgsIn } from '../helpers/publishedSvgs.js';

const find = (dir: string, file: string) => svgsIn(dir).find(([name]) => name.endsWith(`/${file}`))![1];
const auto = find('output', 'microelectronics-imports.svg');
const autoNarrow = find('output', 'microelectronics-imports-320w.svg');
const plain = find('tests/snapshots/__snapshots__', 'line.svg');

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 900, height: 1600 } });
});
afterAll(() => browser?.close());

/** Computed fill of the first element matching `selector` inside chart number `index`, as [r, g, b]. */
async function fillOf(index: number, selector: string): Promise<[number, number, number]> {
  const value = await page.locator('svg.citechart').nth(index).locator(selector).first().evaluate((el) => getComputedStyle(el).fill);
  const { r, g, b } = rgb(value);
  return [r, g, b];
}
const luminous = (c: [number, number, number]) => contrast(rgb(...c), 'black');

async function show(scheme: 'light' | 'dark', ...svgs: string[]) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.setContent(`<!doctype html><body style="margin:0">${svgs.map((s) => `<div style="width:600px">${s}</div>`).join('')}</body>`);
}

describe('darkMode "auto" in Chromium', () => {
  it('is drawn light on a light page', async () => {
    await show('light', auto);
    expect(await fillOf(0, 'rect.citechart-background')).toEqual([255, 255, 255]);
    expect(await fillOf(0, '.role-title-text text')).toEqual([18, 18, 18]);
    expect(await fillOf(0, '.citechart-footer')).toEqual([89, 89, 89]);
  });

  it('turns dark on a dark page: background, title, axis labels and footer flip, data stays red', async () => {
    await show('dark', auto);
    const background = await fillOf(0, 'rect.citechart-background');
    expect(luminous(background)).toBeLessThan(1.3);
    for (const text of ['.role-title-text text', '.role-axis-label text', '.citechart-footer', '.role-mark text']) {
      expect(contrast(rgb(...(await fillOf(0, text))), rgb(...background)), text).toBeGreaterThan(4.5);
    }
    const [r, g, b] = await fillOf(0, '.role-mark path');
    expect(r).toBeGreaterThan(150);
    expect(g + b).toBeLessThan(120);
    expect(contrast(rgb(r, g, b), paper())).toBeGreaterThanOrEqual(3);
  });

  it('paints dark pixels on a dark page and light ones on a light page', async () => {
    const corner = async () => {
      const png = PNG.sync.read(await page.locator('svg.citechart').first().screenshot());
      return [png.data[0]!, png.data[1]!, png.data[2]!];
    };
    await show('dark', auto);
    expect(Math.max(...(await corner()))).toBeLessThan(40);
    await show('light', auto);
    expect(Math.min(...(await corner()))).toBeGreaterThan(240);
  });

  it('restyles only its own chart: a chart without the setting on the same page stays light', async () => {
    await show('dark', auto, plain, autoNarrow);
    expect(luminous(await fillOf(0, 'rect.citechart-background'))).toBeLessThan(1.3);
    expect(await fillOf(1, 'rect.citechart-background')).toEqual([255, 255, 255]);
    expect(await fillOf(1, '.role-axis-label text')).toEqual([68, 68, 68]);
    expect(await fillOf(1, '.citechart-footer')).toEqual([89, 89, 89]);
    // Each artboard carries its own style under its own root id.
    expect(luminous(await fillOf(2, 'rect.citechart-background'))).toBeLessThan(1.3);
  });

  it('still works after DOMPurify (its <style> survives the SVG profile)', async () => {
    await show('dark');
    await page.addScriptTag({ path: DOMPURIFY });
    await page.evaluate((svg) => {
      document.body.innerHTML = (window as any).DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true } });
    }, auto);
    expect(luminous(await fillOf(0, 'rect.citechart-background'))).toBeLessThan(1.3);
    expect(luminous(await fillOf(0, '.citechart-footer'))).toBeGreaterThan(5);
  });
});

describe('darkMode "auto" follows a site\'s own switch (issue 13)', () => {
  async function showOn(scheme: 'light' | 'dark', htmlClass: string, body: string, ...svgs: string[]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setContent(`<!doctype html><html class="${htmlClass}"><body style="margin:0;background:${body}">${svgs.map((s) => `<div style="width:600px">${s}</div>`).join('')}</body></html>`);
  }
  const corner = async () => {
    const png = PNG.sync.read(await page.locator('svg.citechart').first().screenshot());
    return [png.data[0]!, png.data[1]!, png.data[2]!];
  };

  it('turns dark under class="cc-dark" on <html> on a light device, its artboards too; a chart without the setting stays light', async () => {
    await showOn('light', 'cc-dark', '#000000', auto, plain, autoNarrow);
    expect(luminous(await fillOf(0, 'rect.citechart-background'))).toBeLessThan(1.3);
    expect(luminous(await fillOf(0, '.citechart-footer'))).toBeGreaterThan(5);
    expect(await fillOf(1, 'rect.citechart-background')).toEqual([255, 255, 255]);
    expect(luminous(await fillOf(2, 'rect.citechart-background'))).toBeLessThan(1.3);
  });

  it('stays light under class="cc-light" on a dark device', async () => {
    await showOn('dark', 'cc-light', '#ffffff', auto);
    expect(await fillOf(0, 'rect.citechart-background')).toEqual([255, 255, 255]);
    expect(await fillOf(0, '.role-title-text text')).toEqual([18, 18, 18]);
    expect(await fillOf(0, '.citechart-footer')).toEqual([89, 89, 89]);
    expect(Math.min(...(await corner()))).toBeGreaterThan(240);
  });

  it('shows the page through a transparent dark background (config.style["citechart-dark"].fill)', async () => {
    const bare = auto.replace(/<style>@media \(prefers-color-scheme: dark\)[\s\S]*?<\/style>/, '');
    const transparent = auto.replace(/<style>@media \(prefers-color-scheme: dark\)[\s\S]*?<\/style>/, darkModeStyle(bare, 'cc-microelectronics-imports-root', 'transparent'));
    await showOn('light', 'cc-dark', 'rgb(0, 0, 60)', transparent);
    expect(await corner()).toEqual([0, 0, 60]);
    expect(luminous(await fillOf(0, '.citechart-footer'))).toBeGreaterThan(5);
    await showOn('light', '', '#ffffff', transparent);
    expect(await fillOf(0, 'rect.citechart-background')).toEqual([255, 255, 255]);
  });
});
