// The footer line `Source: <Arabic publisher>, 2024, citing …` in Chromium:
// before the fields were isolated it read `Source: 2024 ,<publisher>`.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.js';
import { citeSource } from '../../src/provenance/citeSource.js';
import { composeSvg } from '../../src/provenance/composeSvg.js';
import { launchBrowser } from '../helpers/browser.js';

const ARABIC = 'الجهاز المركزي للإحصاء';
const publisher: Source = {
  id: 's', publisher: ARABIC, authors: [], title: 'T', published: '2024', url: '', attribution: 'officials',
  language: '', translator: '', accessed: '', line: 2,
};
const svg = (text: string) =>
  composeSvg({
    name: 'bidi',
    vegaSvg: '<svg xmlns="http://www.w3.org/2000/svg" width="500" height="40"></svg>',
    width: 500,
    height: 40,
    padding: { left: 5, right: 5, bottom: 5 },
    background: '#ffffff',
    title: 'T',
    alt: 'A',
    paragraphs: [{ lead: 'Source:', text }],
    jsonLd: '{}',
  });

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(() => browser?.close());

/** Left edge (px) of each character of the footer's first line, by its index in the text. */
async function charLefts(markup: string, pageDir: 'ltr' | 'rtl'): Promise<{ text: string; lefts: number[] }> {
  await page.setContent(`<!doctype html><html dir="${pageDir}"><body style="margin:0"><div style="width:500px">${markup}</div></body></html>`);
  return page.$eval('.citechart-footer text', (el) => {
    const text = el as SVGTextContentElement;
    const lefts: number[] = [];
    for (let i = 0; i < text.getNumberOfChars(); i++) lefts.push(text.getExtentOfChar(i).x);
    return { text: text.textContent ?? '', lefts };
  });
}

describe('right-to-left fields in the footer, in Chromium', () => {
  it.each(['ltr', 'rtl'] as const)('reads "Source: <publisher>, 2024, citing …" in that order on a %s page', async (dir) => {
    const { text, lefts } = await charLefts(svg(citeSource(publisher)), dir);
    const at = (s: string) => text.indexOf(s);
    const span = (from: number, length: number) => lefts.slice(from, from + length);
    const arabic = span(at(ARABIC), ARABIC.length);
    expect(Math.max(...span(at('Source:'), 7))).toBeLessThan(Math.min(...arabic));
    expect(Math.max(...arabic)).toBeLessThan(Math.min(...span(at('2024'), 4)));
    expect(lefts[at('2024')]!).toBeLessThan(lefts[at('citing')]!);
    // The line starts at the footer's left edge whatever the page's direction.
    expect(lefts[at('Source:')]!).toBeLessThan(10);
  });

  it('was reversed without isolation: the year came before the publisher', async () => {
    const { text, lefts } = await charLefts(svg(`${ARABIC}, 2024, citing officials`), 'ltr');
    expect(lefts[text.indexOf('2024')]!).toBeLessThan(lefts[text.indexOf(ARABIC)]!);
  });
});
