// The HTML snippet's artboards in columns of every width between them, in
// Chromium: the container query shows the widest artboard that fits, and
// one that has a wider artboard after it is scaled up at most
// MAX_ARTBOARD_GROWTH. Before, the 320 px phone artboard filled any column
// up to 639 px: in a 624 px column its type was 1.95x the size it was set
// at (a Reuters/FT review: "the French map's title and notes at ~30 px").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ARTBOARD_GROWTH } from '../../src/embed/embedStyle.js';
import { listSpecs } from '../../src/project.js';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/publishedSvgs.js';

const COLUMNS = [300, 320, 400, 440, 479, 480, 560, 600, 624, 639, 640, 720, 1000];
const names = (await listSpecs(ROOT)).filter((name) => readFileSync(path.join(ROOT, 'output', `${name}.html`), 'utf8').includes('-art-1'));

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  const snippets = names.flatMap((name) =>
    COLUMNS.map((column) => `<div data-chart="${name}" data-column="${column}" style="width:${column}px">${readFileSync(path.join(ROOT, 'output', `${name}.html`), 'utf8')}</div>`),
  );
  await page.setContent(`<!doctype html><html><body style="margin:0">${snippets.join('\n')}</body></html>`);
}, 180_000); // Chromium's start alone takes tens of seconds on a loaded machine
afterAll(() => browser?.close());

/** For each column: the artboard widths on offer, the one shown, and the width (CSS px) its SVG is drawn at. */
const shown = (name: string) =>
  page.evaluate((name) => {
    return [...document.querySelectorAll(`[data-chart="${name}"]`)].map((column) => {
      const arts = [...column.querySelectorAll('[data-width]')];
      const visible = arts.filter((art) => art.getBoundingClientRect().width > 0);
      return {
        column: Number(column.getAttribute('data-column')),
        widths: arts.map((art) => Number(art.getAttribute('data-width'))),
        shown: visible.map((art) => Number(art.getAttribute('data-width'))),
        drawn: visible.map((art) => art.querySelector('svg')!.getBoundingClientRect().width),
      };
    });
  }, name);

describe('artboards in columns between their widths', () => {
  it('has example charts with several artboards', () => {
    expect(names.length).toBeGreaterThan(3);
  });

  it.each(names)('%s: the widest artboard that fits, scaled up at most MAX_ARTBOARD_GROWTH unless it is the widest', async (name) => {
    for (const { column, widths, shown: [art, ...more], drawn: [drawn] } of await shown(name)) {
      expect(more, `${column} px column`).toEqual([]);
      const fitting = widths.filter((width) => width <= column);
      expect(art, `${column} px column`).toBe(fitting.length ? fitting[fitting.length - 1] : widths[0]);
      const widest = art === widths[widths.length - 1];
      expect(drawn!, `${column} px column`).toBeLessThanOrEqual(widest ? column : Math.min(column, art! * MAX_ARTBOARD_GROWTH) + 0.5);
      // Never narrower than the column or the growth allows: the artboard fills what it may.
      expect(drawn!, `${column} px column`).toBeGreaterThanOrEqual((widest ? column : Math.min(column, art! * MAX_ARTBOARD_GROWTH)) - 0.5);
    }
  });

  // A Reuters/FT review, 2026: between 400 and 639 px the 320 px artboard was drawn 400 px wide at the left of the
  // column, up to 239 px of it blank. With the house's 480 px artboard, no column from the phone's width up leaves
  // more than a sixth of itself blank (at most 79 px, in a 479 px column); none shows an artboard shrunk (its type
  // would fall under the house's 11 px).
  it.each(names)('%s: no column from 320 px up is left more than a sixth blank, and no artboard is drawn shrunk', async (name) => {
    const rows = await shown(name);
    expect(rows[0]!.widths).toContain(480);
    for (const { column, shown: [art], drawn: [drawn] } of rows) {
      if (column < 320) continue;
      expect(drawn! / column, `${column} px column`).toBeGreaterThan(5 / 6);
      expect(drawn!, `${column} px column`).toBeGreaterThanOrEqual(art! - 0.5);
    }
  });
});
