// output/index.html opened from disk (no server) in Chromium: every chart's
// SVG shows through its relative <img>, and hostile text from a spec or
// sources.csv stays text.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject, SOURCES_CSV } from '../helpers/fixtureProject.js';

const TITLE = `Exports <img src=x onerror="window.hacked=1"><script>window.hacked=2</script>`;
const SOURCE_TITLE = `Widget exports 2024 </a><script>window.hacked=3</script>`;

const cwd = makeProject({
  ...minimalProject,
  'data/sources.csv': SOURCES_CSV.replace('Widget exports 2024', `"${SOURCE_TITLE}"`),
  'specs/exports.vl.json': barSpec({ title: TITLE }),
  'specs/second.vl.json': barSpec({ title: 'Second chart' }),
});
let browser: Browser;

beforeAll(async () => {
  const build = await runCli(['build'], { cwd });
  expect(build.code, build.stderr).toBe(0);
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('output/index.html from disk', () => {
  it('shows every chart’s SVG, links its PNG, and keeps hostile text as text', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.goto(pathToFileURL(path.join(cwd, 'output', 'index.html')).href);

    const headings = await page.locator('article.chart h2').allTextContents();
    expect(headings).toEqual([`${TITLE} exports`, 'Second chart second']);
    // Each SVG really loads from its relative path (a broken <img> has no natural width).
    const images = page.locator('article.chart img.graphic');
    expect(await images.count()).toBe(2);
    await page.waitForFunction(() => [...document.querySelectorAll('img.graphic')].every((img) => (img as HTMLImageElement).complete));
    expect(await images.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth > 0))).toEqual([true, true]);
    expect(await page.locator('a', { hasText: 'PNG' }).first().getAttribute('href')).toBe('exports.png');

    const sourceLinks = page.locator('#chart-exports .sources a');
    expect(await sourceLinks.first().textContent()).toBe(SOURCE_TITLE);
    expect(await sourceLinks.first().getAttribute('href')).toBe('https://example.org/widgets-2024');
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});
