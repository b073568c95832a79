// Social cards: no text is clipped. Each card's SVG (fonts embedded, as in
// NAME.svg) is drawn by Chromium at its layout size, and every <text> box
// must lie inside the card: a footer that ran past the fitted height, or a
// title wider than the card, would be cut off in the PNG.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSpecs } from '../../src/project.js';
import { CARD_DENSITY } from '../../src/social/socialPresets.js';
import { embedFonts } from '../../src/text/embedFonts.js';
import { launchBrowser } from '../helpers/browser.js';
import { ROOT } from '../helpers/publishedSvgs.js';
import { drawCards, withPresets } from '../helpers/socialCards.js';

const gallery = withPresets(path.join(ROOT, 'tests/fixtures/gallery'));
// The example project's own theme declares the presets.
const sets = [
  { label: 'example', cards: await drawCards(ROOT, await listSpecs(ROOT)) },
  { label: 'gallery', cards: await drawCards(gallery, await listSpecs(gallery)) },
];
const cases = sets.flatMap(({ label, cards }) =>
  [...cards].flatMap(([name, drawn]) => drawn.map((card) => ({ id: `${label}/${name}-social-${card.width}x${card.height}`, card }))),
);

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 800, height: 800 } });
  const blocks = await Promise.all(
    cases.map(async ({ id, card }) => `<div data-card="${id}" style="width:${card.width / CARD_DENSITY}px">${await embedFonts(card.svg)}</div>`),
  );
  await page.setContent(`<!doctype html><html><body style="margin:0">${blocks.join('\n')}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
}, 120_000);
afterAll(() => browser?.close());

/** Each text's box that sticks out of its card (CSS px, relative to the card's top left), and the card's size. */
const outside = (id: string) =>
  page.evaluate((id) => {
    const svg = document.querySelector(`[data-card="${id}"] svg`)!;
    const card = svg.getBoundingClientRect();
    const boxes = [...svg.querySelectorAll('text')]
      .filter((text) => (text.textContent ?? '').trim())
      .map((text) => {
        const box = text.getBoundingClientRect();
        return { text: (text.textContent ?? '').trim().slice(0, 40), left: box.left - card.left, top: box.top - card.top, right: box.right - card.left, bottom: box.bottom - card.top };
      });
    const size = { width: card.width, height: card.height };
    return { size, count: boxes.length, out: boxes.filter((b) => b.left < -0.5 || b.top < -0.5 || b.right > size.width + 0.5 || b.bottom > size.height + 0.5) };
  }, id);

describe('no text is clipped on a social card', () => {
  it('has cards of every example and gallery chart that fits one size', () => {
    expect(cases.length).toBeGreaterThanOrEqual(3 * 12);
  });

  it.each(cases.map((c) => [c.id, c.card] as const))('%s', async (id, card) => {
    const { size, count, out } = await outside(id);
    expect(size).toEqual({ width: card.width / CARD_DENSITY, height: card.height / CARD_DENSITY });
    expect(count).toBeGreaterThan(3);
    expect(out).toEqual([]);
  });
});
