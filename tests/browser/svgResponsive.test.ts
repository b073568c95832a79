// The published SVG scales to its container, keeping its aspect ratio, in a
// real browser: inline in a 320 px column and a 900 px one.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { publishedSvgs } from '../helpers/publishedSvgs.js';
import { svgSize } from '../helpers/svg.js';

const charts = publishedSvgs();
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

describe('responsive SVG in Chromium', () => {
  it.each(charts)('%s fills a 320 px and a 900 px container at its aspect ratio', async (_, svg) => {
    const { width, height } = svgSize(svg);
    const html = [320, 900].map((w) => `<div class="col" style="width:${w}px">${svg}</div>`).join('');
    await page.setContent(`<!doctype html><body style="margin:0">${html}</body>`);
    const boxes = await page.$$eval('.col > svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    for (const [i, containerWidth] of [320, 900].entries()) {
      expect(boxes[i]!.width).toBeCloseTo(containerWidth, 1);
      expect(boxes[i]!.height).toBeCloseTo((containerWidth * height) / width, 0);
    }
  });
});
