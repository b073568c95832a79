// The preview pages put chart titles, source fields, chart names and
// diagnostics (which quote CSV cells) into HTML: none of it may become markup.
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.js';
import type { ChartView } from '../../src/preview/chartView.js';
import { svgDescription } from '../../src/preview/chartView.js';
import { galleryPage } from '../../src/preview/galleryPage.js';
import { html, safeHref } from '../../src/preview/html.js';
import { chartPage, indexPage } from '../../src/preview/livePages.js';

const HOSTILE = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;

const source = (fields: Partial<Source>): Source => ({
  id: 'stats-2024',
  publisher: 'Statistics Office',
  authors: ['Ana Diaz'],
  title: 'Widget exports 2024',
  published: '2024-03',
  url: 'https://example.org/widgets-2024?a=1&b=2',
  attribution: 'customs records',
  language: '',
  translator: '',
  accessed: '',
  line: 2,
  ...fields,
});

const view = (fields: Partial<ChartView> = {}): ChartView => ({
  name: 'exports',
  title: 'Widget exports by country',
  svg: 'exports.svg',
  png: 'exports.png',
  alt: 'Bar chart: Norway 120',
  sources: [{ id: 'stats-2024', source: source({}) }],
  diagnostics: [],
  failed: false,
  ...fields,
});

/** Every tag name opened in the page, in order: escaping failures show up as extra tags. */
const tags = (page: string) => [...page.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());

describe('the static gallery (output/index.html)', () => {
  it('shows each chart by a relative <img>, links its SVG and PNG and its sources', () => {
    const page = galleryPage([view()]);
    expect(page).toContain('<img class="graphic" src="exports.svg" alt="Bar chart: Norway 120">');
    expect(page).toContain('<a href="exports.svg">SVG</a>');
    expect(page).toContain('<a href="exports.png">PNG (2×)</a>');
    expect(page).toContain('<a href="https://example.org/widgets-2024?a=1&amp;b=2" rel="noopener noreferrer">Widget exports 2024</a>');
    expect(page).toContain('Statistics Office (Ana Diaz), March 2024, citing customs records');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<details');
  });

  it('escapes a hostile title, alt text, chart name and source fields', () => {
    const hostile = view({
      name: 'a"b<c',
      svg: 'a"b<c.svg',
      title: HOSTILE,
      alt: HOSTILE,
      sources: [{ id: 'x', source: source({ publisher: HOSTILE, title: HOSTILE, attribution: HOSTILE, authors: [HOSTILE] }) }],
    });
    const page = galleryPage([hostile]);
    expect(tags(page)).toEqual(tags(galleryPage([view({ name: 'ab', title: 'plain', alt: 'plain', sources: hostile.sources.map((s) => ({ ...s, source: source({}) })) })])));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('src="a%22b%3Cc.svg"');
  });

  it('never makes a link of a javascript: or data: url', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', ' JAVASCRIPT:alert(1)', '//example.org']) {
      const page = galleryPage([view({ sources: [{ id: 's', source: source({ url }) }] })]);
      expect(page).not.toMatch(/href="(?!exports\.)/);
      expect(page).toContain('<cite>Widget exports 2024</cite>');
    }
  });

  it('names a cited id that sources.csv no longer has', () => {
    expect(galleryPage([view({ sources: [{ id: 'gone-2020' }] })])).toContain('<code>gone-2020</code>: not in data/sources.csv');
  });

  it('gives the same bytes for the same charts (no timestamps)', () => {
    expect(galleryPage([view()])).toBe(galleryPage([view()]));
  });
});

describe('the watch pages', () => {
  const failed = view({
    stamp: '7',
    failed: true,
    diagnostics: [
      { file: 'data/sources.csv', line: 2, column: 145, severity: 'warning', message: 'no url' },
      { file: 'data/exports.csv', line: 3, column: 7, severity: 'error', message: `"${HOSTILE}" is not a number` },
    ],
  });

  it('a failed chart shows the overlay with file:line:col, errors first, escaped, over the last good graphic', () => {
    const page = chartPage({ view: failed, pending: false }, '<svg><text>120</text></svg>');
    const overlay = /<div class="overlay" role="alert">(.*?)<\/div>/s.exec(page)![1]!;
    expect(overlay).toContain('This chart did not build');
    const lines = [...overlay.matchAll(/<code>(.*?)<\/code>/g)].map((m) => m[1]);
    expect(lines).toEqual([
      'data/exports.csv:3:7: error: &quot;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot; is not a number',
      'data/sources.csv:2:145: warning: no url',
    ]);
    expect(overlay).toContain('last good graphic');
    expect(page).toContain('<div class="graphic"><svg><text>120</text></svg></div>');
    expect(page).toContain('<script src="/live.js" defer></script>');
    expect(page).toContain('<details class="png"><summary>The PNG as rendered</summary><img src="/output/exports.png?v=7" alt="Bar chart: Norway 120"></details>');
    expect(tags(page).filter((t) => t === 'script')).toEqual(['script']);
  });

  it('a chart that built shows no overlay, and its warnings under it', () => {
    const page = chartPage({ view: view({ diagnostics: [failed.diagnostics[0]!] }), pending: false }, '<svg/>');
    expect(page).not.toContain('class="overlay"');
    expect(page).toContain('<code>data/sources.csv:2:145: warning: no url</code>');
  });

  it('a chart with no graphic yet says so instead of a broken image', () => {
    const page = chartPage({ view: view({ svg: undefined, png: undefined, failed: true, diagnostics: failed.diagnostics }), pending: false }, undefined);
    expect(page).toContain('No graphic has been built yet');
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('<img');
  });

  it('the index links every chart by its escaped name with its status', () => {
    const page = indexPage([
      { view: view(), pending: false },
      { view: view({ name: 'x<y', title: HOSTILE, failed: true }), pending: false },
      { view: view({ name: 'later' }), pending: true },
    ]);
    expect(page).toContain(
      '<a href="/chart/exports">Widget exports by country</a> <code>exports</code> <span class="status-built">built</span><img src="/output/exports.svg?v=" alt="Bar chart: Norway 120">',
    );
    expect(page).toContain('<a href="/chart/x%3Cy">&quot;&gt;&lt;script&gt;');
    expect(page).toContain('<span class="status-failed">failed</span>');
    expect(page).toContain('<span class="status-pending">building…</span>');
    expect(page).not.toContain('<script>alert');
  });
});

describe('html helpers', () => {
  it('escapes every interpolation, arrays included, and drops control characters', () => {
    expect(html`<p title="${'"x"'}">${['<a>', "'b'"]}${'\u0007'}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;a&gt;&apos;b&apos;</p>');
  });

  it('safeHref accepts only http(s) addresses', () => {
    expect(safeHref('https://example.org/a b')).toBeUndefined();
    expect(safeHref('http://example.org/')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
  });

  it('svgDescription reads the alt text back from a citechart SVG', () => {
    expect(svgDescription('<svg><title>T</title><desc id="d">Bar chart: A &amp; B &lt;1&gt;</desc></svg>')).toBe('Bar chart: A & B <1>');
    expect(svgDescription('<svg/>')).toBe('');
  });
});
