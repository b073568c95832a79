// The HTML snippet in a real browser (Debian's Chromium): hostile text in
// titles, cells, source names and URLs must show literally and run nothing.
// Every payload bumps window.__pwned if it ever executes; dialogs, console
// output and page errors are recorded too, and all network requests are
// refused (so an injected <img src=x onerror> would fire its handler).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { embedHtml } from '../../src/embed/embedHtml.js';
import { HOSTILE, hostileFacts, PWN, TINY_SVG } from '../embed/hostile.js';
import { launchBrowser } from '../helpers/browser.js';
import { barSpec, makeProject, minimalProject, THEME } from '../helpers/fixtureProject.js';

let browser: Browser;
beforeAll(async () => (browser = await launchBrowser()));
afterAll(() => browser?.close());

async function openSnippet(html: string): Promise<{ page: Page; events: string[] }> {
  const page = await browser.newPage();
  const events: string[] = [];
  page.on('dialog', (dialog) => (events.push(`dialog: ${dialog.message()}`), void dialog.dismiss()));
  page.on('console', (message) => events.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => events.push(`error: ${error.message}`));
  await page.route('**/*', (route) => route.abort());
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`, { waitUntil: 'load' });
  return { page, events };
}

/** What ran, and what an attacker could still trigger by hovering or clicking. */
async function damage(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned ?? 0,
    scripts: [...document.scripts].map((s) => s.type),
    handlers: [...document.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => /^on/i.test(n)).map((n) => `${el.tagName}@${n}`)),
    hrefs: [...document.querySelectorAll('a')].map((a) => a.protocol),
  }));
}

describe('a snippet with hostile text (embedHtml directly)', () => {
  it('(control) the harness does see payloads that run, unescaped', async () => {
    const { page, events } = await openSnippet(`<img src=x onerror="${PWN}"><script>${PWN}; alert(1)</script>`);
    await page.waitForFunction(() => (window as unknown as { __pwned?: number }).__pwned === 2);
    expect(events).toEqual(['dialog: 1']);
    await page.close();
  });

  it('runs nothing and shows every text literally', async () => {
    const { page, events } = await openSnippet(embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], { file: 'x.png', width: 200, height: 100 }));
    // Hover and click every link and cell: an injected handler would fire now.
    for (const target of await page.locator('a, td, th').all()) await target.dispatchEvent('mouseover');
    expect(await damage(page)).toEqual({ pwned: 0, scripts: ['application/ld+json'], handlers: [], hrefs: ['https:'] });
    expect(events).toEqual([]);
    expect(await page.locator('figcaption').textContent()).toContain(HOSTILE.title);
    expect(await page.locator('figcaption').textContent()).toContain(HOSTILE.quote);
    expect(await page.locator('tbody tr').first().locator('th').textContent()).toBe(HOSTILE.cell);
    expect(await page.locator('img').getAttribute('alt')).toBe(HOSTILE.alt);
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd!)).toEqual(hostileFacts().jsonLd);
    await page.close();
  });
});

describe('a snippet built from a hostile project (the whole pipeline)', () => {
  const sources =
    'id,publisher,authors,title,published,url,attribution\n' +
    `evil-1,"${HOSTILE.publisher.replaceAll('"', '""')}",Ann <i>Lee</i>,"Doc <script>${PWN}</script>",2024,"${HOSTILE.quoteUrl.replaceAll('"', '""')}","</script><script>${PWN}</script>"\n`;
  const csv =
    'country,exports,source,quote,note\n' +
    `"${HOSTILE.cell.replaceAll('"', '""')}",120,evil-1,"${HOSTILE.quote}","note ""<svg onload=${PWN}>"""\n` +
    `Chile,85,evil-1,,\n`;
  const title = `Exports </title><script>${PWN}</script> "&"`;
  const dir = makeProject({
    ...minimalProject,
    'data/sources.csv': sources,
    'data/exports.csv': csv,
    'specs/exports.vl.json': barSpec({ title, credit: `Graphic: <img src=x onerror="${PWN}">` }),
    'specs/theme.json': JSON.stringify(THEME),
  });

  it('builds, runs nothing, links the URL safely and shows the hostile text as written', async () => {
    const result = await build({ cwd: dir, names: ['exports'] });
    expect(result.charts.map((c) => [c.ok, c.diagnostics.filter((d) => d.severity === 'error')])).toEqual([[true, []]]);
    const html = readFileSync(path.join(dir, 'output', 'exports.html'), 'utf8');
    const { page, events } = await openSnippet(html);
    for (const target of await page.locator('a, td, th, svg text').all()) await target.dispatchEvent('mouseover');
    const seen = await damage(page);
    // The footer's link, then each drawn row's evidence link in the data table.
    expect(seen).toEqual({ pwned: 0, scripts: ['application/ld+json'], handlers: [], hrefs: ['https:', 'https:', 'https:'] });
    expect(events).toEqual([]);
    expect(await page.locator('figcaption a').getAttribute('href')).toBe(new URL(HOSTILE.quoteUrl).href);
    expect(await page.locator('figcaption a').getAttribute('rel')).toBe('noopener');
    // The quoted row links to its sentence: the hostile quote, percent-encoded in a text fragment, decodes back to itself.
    const evidence = (await page.locator('tbody a').first().getAttribute('href'))!;
    const [base, directive] = evidence.split('#:~:text=');
    expect(base).toBe(new URL(HOSTILE.quoteUrl).href);
    expect(decodeURIComponent(directive!)).toBe(HOSTILE.quote);
    expect(await page.locator('tbody a').nth(1).getAttribute('href')).toBe(new URL(HOSTILE.quoteUrl).href);
    expect(await page.locator('figcaption span').textContent()).toBe(title);
    expect(await page.locator('tbody th').first().textContent()).toBe(HOSTILE.cell);
    expect(await page.locator('svg title').first().textContent()).toBe(title);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd.name).toBe(title);
    expect(jsonLd.citation[0].creditText).toBe(`citing </script><script>${PWN}</script>`);
    await page.close();
  });
});

describe('CMS sanitisers (DOMPurify)', () => {
  const require = createRequire(import.meta.url);
  const purify = require.resolve('dompurify/dist/purify.js');
  const html = embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], { file: 'x.png', width: 200, height: 100 });

  async function layout(sanitise: boolean) {
    const { page } = await openSnippet('<div id="host"></div>');
    await page.addScriptTag({ path: purify });
    const box = await page.evaluate(
      ({ html, sanitise }) => {
        const host = document.getElementById('host')!;
        const w = window as unknown as { DOMPurify: { sanitize(s: string, o: object): string } };
        host.innerHTML = sanitise ? w.DOMPurify.sanitize(html, { USE_PROFILES: { html: true } }) : html;
        const img = host.querySelector('img')!;
        const art = img.parentElement!;
        return { svgs: host.querySelectorAll('svg').length, imgDisplay: getComputedStyle(img).display, img: img.getBoundingClientRect().height, art: art.getBoundingClientRect().height };
      },
      { html, sanitise },
    );
    await page.close();
    return box;
  }

  it('(default DOMPurify profile) keeps SVG, style, caption and table working; only the JSON-LD script goes', async () => {
    const { page } = await openSnippet('<div id="host"></div>');
    await page.addScriptTag({ path: purify });
    const seen = await page.evaluate((html) => {
      const host = document.getElementById('host')!;
      host.innerHTML = (window as unknown as { DOMPurify: { sanitize(s: string): string } }).DOMPurify.sanitize(html);
      const shown = (selector: string) => [...host.querySelectorAll(selector)].filter((el) => el.getBoundingClientRect().width > 1).length;
      // Caption and table are there but visually hidden: their wrappers are clipped to 1 px.
      const width = (el: Element | null | undefined) => (el ? Math.round(el.getBoundingClientRect().width) : -1);
      return {
        svg: shown('svg'),
        img: shown('img'),
        caption: width(host.querySelector('figcaption')),
        table: width(host.querySelector('table')?.parentElement),
        scripts: host.querySelectorAll('script').length,
        metadata: host.querySelectorAll('metadata').length,
      };
    }, html);
    // DOMPurify drops every <script> (JSON-LD too) and SVG <metadata>: `verify` needs the file from output/.
    expect(seen).toEqual({ svg: 1, img: 0, caption: 1, table: 1, scripts: 0, metadata: 0 });
    await page.close();
  });

  it('hides the PNG where the SVG is kept', async () => {
    expect(await layout(false)).toMatchObject({ svgs: 1, imgDisplay: 'none', art: 100 });
  });

  it('shows the PNG instead, and the SVG text it leaves behind takes no room', async () => {
    // The stripped SVG's <title> text ("chart") stays as loose text; the
    // artboard is exactly as tall as the image.
    expect(await layout(true)).toEqual({ svgs: 0, imgDisplay: 'block', img: 100, art: 100 });
  });
});
