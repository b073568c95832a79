// End to end: the built CLI's `watch` on a temporary project, the chart page
// open in Debian's Chromium, and CSV edits on disk as an editor makes them.
// Every wait is a condition with a generous timeout (the machine is shared
// and may be loaded), never a fixed sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { CLI } from '../helpers/cli.js';
import { EXPORTS_CSV, makeProject, minimalProject, positionOf } from '../helpers/fixtureProject.js';
import { labelledBarSpec } from '../watch/labelledBar.js';

const WAIT = { timeout: 30_000 };
const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': labelledBarSpec() });
const saveCsv = (text: string) => writeFileSync(path.join(cwd, 'data/exports.csv'), text);

let child: ChildProcess;
let stderr = '';
let url: string;
let browser: Browser;
let page: Page;

/** The value labels the page's inline SVG draws (its text marks). */
const labels = () => page.locator('.graphic svg g.mark-text.role-mark text').allTextContents();
const label = (value: string) => page.locator('.graphic svg g.mark-text.role-mark text', { hasText: new RegExp(`^${value}$`) });

beforeAll(async () => {
  child = spawn(process.execPath, [CLI, 'watch', '--port', '0'], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`watch exited with ${code} before listening: ${stderr}`)));
  });
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
});

describe('citechart watch in Chromium', () => {
  it('serves the chart page on 127.0.0.1 with the SVG, the PNG link and the sources', async () => {
    await page.goto(`${url}chart/exports`);
    await label('120').waitFor(WAIT);
    expect(await labels()).toEqual(['120', '85', '40']);
    expect(await page.locator('.files a', { hasText: 'PNG' }).getAttribute('href')).toBe('/output/exports.png');
    expect(await page.locator('.sources a').first().getAttribute('href')).toBe('https://example.org/widgets-2024');
    expect(await page.title()).toBe('Widget exports by country');
    // The PNG as sharp drew it, loaded from output/.
    await page.locator('details.png summary').click();
    await page.waitForFunction(() => (document.querySelector('details.png img') as HTMLImageElement | null)?.complete, undefined, WAIT);
    expect(await page.locator('details.png img').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(600);
  });

  it('shows a saved CSV value without a reload', async () => {
    // A page reload would lose this marker: the update must come from the event stream.
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    const saved = Date.now();
    saveCsv(EXPORTS_CSV.replace('Norway,120', 'Norway,135'));
    await label('135').waitFor(WAIT);
    console.log(`save → new value on the page: ${Date.now() - saved} ms`);
    expect(await labels()).toEqual(['135', '85', '40']);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('shows the error overlay with the bad cell’s line and column, over the last good graphic', async () => {
    const bad = EXPORTS_CSV.replace('Norway,120', 'Norway,135').replace('Chile,85', 'Chile,85 units');
    const at = positionOf(bad, '85 units');
    saveCsv(bad);
    const overlay = page.locator('.overlay');
    await overlay.waitFor(WAIT);
    expect(await overlay.locator('code').allTextContents()).toEqual([
      `data/exports.csv:${at.line}:${at.column}: error: "85 units" is not a number, but column "exports" holds numbers; write it as e.g. 90 or 1234.5`,
    ]);
    expect(await labels()).toEqual(['135', '85', '40']);
  });

  it('clears the overlay when the file is fixed', async () => {
    saveCsv(EXPORTS_CSV.replace('Norway,120', 'Norway,135').replace('Chile,85', 'Chile,86'));
    await page.locator('.overlay').waitFor({ state: 'detached', ...WAIT });
    await label('86').waitFor(WAIT);
    expect(await labels()).toEqual(['135', '86', '40']);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
  });

  it('the index lists the chart and links to its page', async () => {
    await page.goto(url);
    await page.locator('a', { hasText: 'Widget exports by country' }).click();
    await label('135').waitFor(WAIT);
    expect(page.url()).toBe(`${url}chart/exports`);
  });
});
