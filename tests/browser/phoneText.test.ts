// Issue 13, phone-first: each example chart's HTML snippet (output/NAME.html,
// as pasted into a CMS) in a 320-px column, in Chromium: every piece of
// text the reader sees (the artboard the container query picks, or the
// whole SVG shrunk to the column) must be drawn at 11 CSS px or more.
// china-supplies was 734 px wide before: in a phone column its type was ~5 px.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_PHONE_TEXT } from '../../src/lint/smallText.js';
import { listSpecs } from '../../src/project.js';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/publishedSvgs.js';

const PHONE = 320;
const names = await listSpecs(ROOT);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: PHONE, height: 800 } });
  const snippets = names.map((name) => `<div data-chart="${name}" style="width:${PHONE}px">${readFileSync(path.join(ROOT, 'output', `${name}.html`), 'utf8')}</div>`);
  await page.setContent(`<!doctype html><html><body style="margin:0">${snippets.join('\n')}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
}, 180_000); // Chromium's start alone takes tens of seconds on a loaded machine
afterAll(() => browser?.close());

/** Every <text> the reader can see in the chart's snippet: its words and the size it is drawn at, in CSS px. */
const visibleTextSizes = (name: string) =>
  page.evaluate((name) => {
    const root = document.querySelector(`[data-chart="${name}"]`)!;
    return [...root.querySelectorAll('svg text')]
      .filter((text) => text.getBoundingClientRect().width > 0 && (text.textContent ?? '').trim())
      .map((text) => {
        const scale = (text as SVGTextElement).getScreenCTM()!.a;
        return { text: (text.textContent ?? '').trim().slice(0, 40), px: Math.round(parseFloat(getComputedStyle(text).fontSize) * scale * 100) / 100 };
      });
  }, name);

describe(`no text in an example chart is drawn under ${MIN_PHONE_TEXT} CSS px in a ${PHONE}-px column`, () => {
  it('has every example', () => {
    expect(names).toEqual([
      'china-supplies',
      'china-supplies.fr',
      'countries-named',
      'countries-named.fr',
      'microelectronics-imports',
      'microelectronics-imports.fr',
      'optical-suppliers',
      'optical-suppliers.fr',
    ]);
  });

  it.each(names)('%s', async (name) => {
    const sizes = await visibleTextSizes(name);
    expect(sizes.length).toBeGreaterThan(5);
    expect(sizes.filter((s) => s.px < MIN_PHONE_TEXT - 0.01)).toEqual([]);
  });
});
