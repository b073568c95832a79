// A CMS runs pasted markup through a sanitiser. DOMPurify with its SVG
// profiles must leave the chart, footer, dark-mode style and JSON-LD
// <metadata> as they are. The one thing the SVG-only profile removes is the
// root's `role` attribute (it allows no `role` on any SVG element); the
// chart stays named and described through aria-labelledby, checked here.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { DOMPURIFY, publishedSvgs } from '../helpers/publishedSvgs.js';
import { elementText } from '../helpers/svg.js';

const charts = publishedSvgs();
let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.setContent('<!doctype html><body><div id="host"></div></body>');
  await page.addScriptTag({ path: DOMPURIFY });
});
afterAll(() => browser?.close());

interface Sanitised {
  /** The SVG as the page's HTML parser serialises it. */
  before: string;
  after: string;
  /** `element@attribute` and `<element` entries the sanitiser removed. */
  removed: string[];
}

/** Parses `svg` as a CMS would (HTML parser), sanitises it, and reports both serialisations. */
function sanitise(svg: string, profiles: Record<string, boolean>): Promise<Sanitised> {
  return page.evaluate(
    ({ svg, profiles }) => {
      const parse = (markup: string) => Object.assign(document.createElement('div'), { innerHTML: markup });
      const inventory = (root: Element) => {
        const items: string[] = [];
        for (const el of root.querySelectorAll('*')) {
          items.push(`<${el.localName}`);
          for (const a of el.attributes) items.push(`${el.localName}@${a.name}`);
        }
        return items;
      };
      const before = parse(svg);
      const after = parse((window as any).DOMPurify.sanitize(svg, { USE_PROFILES: profiles }));
      const left = new Set(inventory(after));
      return { before: before.innerHTML, after: after.innerHTML, removed: [...new Set(inventory(before).filter((i) => !left.has(i)))] };
    },
    { svg, profiles },
  );
}

describe('DOMPurify leaves published SVGs unchanged', () => {
  it('sees the dark-mode style among the charts checked', () => {
    expect(charts.some(([, svg]) => svg.includes('<style>@media (prefers-color-scheme: dark)'))).toBe(true);
  });

  it.each(charts)('%s: the SVG profile changes nothing but the root role', async (_, svg) => {
    const { before, after, removed } = await sanitise(svg, { svg: true, svgFilters: true });
    expect(removed).toEqual(['svg@role']);
    expect(after).toBe(before.replace(' role="img"', ''));
    // The parts that matter, read back from the sanitised markup.
    expect(elementText(after, 'metadata')).toBe(elementText(svg, 'metadata'));
    expect(after).toContain('<g class="citechart-footer"');
    if (svg.includes('<style>')) expect(elementText(after, 'style')).toBe(elementText(svg, 'style'));
  });

  it.each(charts)('%s: the HTML + SVG profile changes nothing at all', async (_, svg) => {
    const { before, after, removed } = await sanitise(svg, { html: true, svg: true, svgFilters: true });
    expect(removed).toEqual([]);
    expect(after).toBe(before);
  });

  it('keeps the sanitised chart named by its title and described by its alt text', async () => {
    const [, svg] = charts.find(([file]) => file === 'output/microelectronics-imports.svg')!;
    const { after } = await sanitise(svg, { svg: true, svgFilters: true });
    await page.setContent(`<!doctype html><body>${after}</body>`);
    const chart = page.locator('svg.citechart');
    expect(await chart.evaluate((el) => el.hasAttribute('role'))).toBe(false);
    const snapshot = await page.locator('body').ariaSnapshot();
    expect(snapshot).toContain(elementText(svg, 'title'));
    const described = await chart.evaluate((el) =>
      el.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)?.textContent),
    );
    expect(described).toEqual([elementText(svg, 'title'), elementText(svg, 'desc')]);
  });

  it('carries its fonts through both profiles; a CMS that forbids <style> drops them, and the text falls back to the named fonts', async () => {
    const [, svg] = charts.find(([file]) => file === 'output/microelectronics-imports-320w.svg')!;
    const kept = await sanitise(svg, { svg: true, svgFilters: true });
    expect(kept.after).toContain('@font-face{font-family:"cc-');
    const stripped = await page.evaluate(
      (svg) => (window as any).DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, FORBID_TAGS: ['style'] }) as string,
      svg,
    );
    expect(stripped).not.toContain('@font-face');
    // The stacks still name the embedded family first, then Source Sans 3, Helvetica, Arial:
    // a page without Source Sans 3 draws its own sans, with other widths (the source line
    // of this 320-px artboard then ran to 335.8 px in Chromium with DejaVu Sans).
    expect(stripped).toMatch(/font-family="cc-[0-9a-f]{10}, &quot;Source Sans 3&quot;/);
  });
});
