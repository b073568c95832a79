// A right-to-left chart's PDF: Arabic words joined with their dots and
// hamzas, Arabic-Indic digits in order, a right-to-left footer in the order
// the Unicode bidi algorithm gives, as Chromium draws the SVG. (The PNG is
// not the reference here: librsvg orders an rtl footer's mixed lines
// differently from Chromium, 0.85% of pixels.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli } from '../helpers/cli.js';
import { launchBrowser } from '../helpers/browser.js';
import { barSpec, makeProject, minimalProject, readBytes, readText } from '../helpers/fixtureProject.js';
import { charsOf, differingShare, drawPdfPage, pdfText, rawPixels, svgTexts } from '../helpers/pdf.js';

let browser: Browser;
let cwd: string;
beforeAll(async () => {
  const spec = JSON.parse(barSpec()) as { usermeta: { citechart: Record<string, unknown> } };
  spec.usermeta.citechart.locale = 'ar';
  spec.usermeta.citechart.notes = ['ملاحظة أولى', 'ملاحظة ثانية'];
  cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': JSON.stringify(spec, null, 2) });
  const built = await runCli(['build', '--formats', 'svg,png,pdf'], { cwd, timeoutMs: 120_000 });
  expect([built.code, built.stderr]).toEqual([0, '']);
  browser = await launchBrowser();
}, 180_000);
afterAll(() => browser?.close());

/** The SVG as Chromium draws it, 2 device px per CSS px (the size of the 2× PNG). */
async function inChromium(svg: string): Promise<Buffer> {
  const [, width, height] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  const page = await browser.newPage({ viewport: { width: Math.ceil(Number(width)), height: Math.ceil(Number(height)) }, deviceScaleFactor: 2 });
  await page.setContent(`<!doctype html><body style="margin:0">${svg.replace('width="100%"', `width="${width}" height="${height}"`)}</body>`);
  await page.evaluate(() => document.fonts.ready);
  const shot = await page.screenshot();
  await page.close();
  return shot;
}

describe('an Arabic chart as PDF', () => {
  it('draws what Chromium draws from the SVG (shaping, marks, digits, bidi order)', async () => {
    const svg = readText(cwd, 'output/exports.svg');
    const page = await drawPdfPage(readBytes(cwd, 'output/exports.pdf'), 192);
    const chromium = await rawPixels(await inChromium(svg));
    // Measured: 0.12% (glyph edges); before the bidi and mark handling, 1.5%.
    expect(differingShare(page, chromium)).toBeLessThan(0.005);
  });

  it('keeps every glyph as text', async () => {
    const text = await pdfText(readBytes(cwd, 'output/exports.pdf'));
    const lines = svgTexts(readText(cwd, 'output/exports.svg'));
    // The bidi isolates citechart writes around right-to-left fields draw nothing.
    // Glyphs the font composes letters from (ة's dots) map to WORD JOINER (invisible), never to a control character.
    expect(text).not.toMatch(/\p{Cc}(?<![\n\t])/u);
    expect(charsOf(text.replace(/\u2060/g, ''))).toBe(charsOf(lines.join(' ').replace(/[\u2066-\u2069]/g, '')));
    for (const word of ['ملاحظة', 'ثانية', 'أولى', '١٢٠']) expect(text).toContain(word);
  });
});
