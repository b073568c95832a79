import { describe, expect, it } from 'vitest';
import { composeSvg, type SvgParts } from '../../src/provenance/composeSvg.js';
import { applyDarkPalette, darkModeStyle, readDarkBackground } from '../../src/provenance/darkMode.js';
import { markDecorative } from '../../src/provenance/markDecorative.js';
import { artboardPrefix, idPrefix, prefixIds } from '../../src/provenance/prefixIds.js';
import { rasterSvg } from '../../src/render/renderPng.js';
import { rootAttributes, svgSize, xmlProblem } from '../helpers/svg.js';

// A small Vega-like SVG: background rect, a grid group, an axis with labels, a clipped mark with a gradient.
const VEGA =
  '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="#ffffff"/>' +
  '<defs><linearGradient id="gradient_3"><stop offset="0" stop-color="#0f5499"/></linearGradient><clipPath id="clip9"><rect/></clipPath></defs>' +
  '<g class="mark-group role-frame root" role="graphics-object"><g class="mark-rule role-axis-grid" pointer-events="none"><line stroke="#e5e5e5"/></g>' +
  '<g class="mark-rule role-axis-domain"><line stroke="#888"/></g>' +
  '<g class="mark-text role-axis-label"><text fill="#444444">fill="#444444" id="clip9"</text></g>' +
  '<g class="mark-rect role-mark" clip-path="url(#clip9)"><path role="graphics-symbol" aria-label="a" fill="url(#gradient_3)"/><path fill="#c8102e"/></g></g></svg>';

const parts = (overrides: Partial<SvgParts> = {}): SvgParts => ({
  name: 'bars',
  vegaSvg: VEGA,
  width: 300,
  height: 200,
  padding: { left: 16, right: 16, bottom: 16 },
  background: '#ffffff',
  title: 'Title',
  alt: 'Alt text',
  paragraphs: [{ lead: 'Source:', text: 'Agency' }],
  jsonLd: '{"@type":"ImageObject"}',
  ...overrides,
});

describe('composeSvg: responsive root', () => {
  const svg = composeSvg(parts());
  const root = rootAttributes(svg);

  it('scales to its container: a viewBox, width 100%, no fixed height', () => {
    expect(root.width).toBe('100%');
    expect(root.height).toBeUndefined();
    expect(root.viewBox).toMatch(/^0 0 300 \d+$/);
    expect(xmlProblem(svg)).toBeUndefined();
  });

  it('is an image named by its title and described by its desc', () => {
    expect(root.role).toBe('img');
    expect(root.id).toBe('cc-bars-root');
    const ids = root['aria-labelledby']!.split(' ');
    expect(ids).toEqual(['cc-bars-title', 'cc-bars-desc']);
    expect(svg).toContain('<title id="cc-bars-title">Title</title>');
    expect(svg).toContain('<desc id="cc-bars-desc">Alt text</desc>');
  });

  it('hides the backgrounds and the grid and domain from screen readers, and drops Vega\'s inner roles', () => {
    expect(svg).toMatch(/<rect class="citechart-background" aria-hidden="true"/);
    expect(svg).toMatch(/<g class="citechart-chart"><rect width="300" height="200" fill="#ffffff" aria-hidden="true"\/>/);
    expect(svg).toMatch(/<g class="mark-rule role-axis-grid" pointer-events="none" aria-hidden="true">/);
    expect(svg).toMatch(/<g class="mark-rule role-axis-domain" aria-hidden="true">/);
    expect(svg).not.toMatch(/<g class="mark-text role-axis-label"[^>]*aria-hidden/);
    expect([...svg.matchAll(/\srole="([^"]*)"/g)].map((m) => m[1])).toEqual(['img']);
  });

  it('gives every id the chart prefix and keeps references resolving', () => {
    const tags = svg.replace(/>[^<]*</g, '><'); // text content may say anything
    const ids = [...tags.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    expect(svg).toContain('id="clip9"</text>');
    expect(ids.every((id) => id.startsWith('cc-bars-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref[1]);
  });

  it('uses an artboard prefix when given one', () => {
    const artboard = composeSvg(parts({ prefix: artboardPrefix('bars', 320) }));
    expect(rootAttributes(artboard).id).toBe('cc-bars.w320-root');
    expect(artboard).toContain('url(#cc-bars.w320-');
  });
});

describe('composeSvg: dark', () => {
  it('draws everything dark with --theme dark and carries no style', () => {
    const svg = composeSvg(parts({ scheme: 'dark' }));
    expect(svg).not.toContain('#ffffff');
    expect(svg).not.toContain('<style');
    expect(svg).toMatch(/<rect class="citechart-background" aria-hidden="true" width="300" height="\d+" fill="#1b1b1b"/);
    // Text inside <text> is data, never recoloured.
    expect(svg).toContain('>fill="#444444" id="clip9"</text>');
  });

  it('carries a prefers-color-scheme style scoped to its root with darkMode auto, drawn light', () => {
    const svg = composeSvg(parts({ darkMode: 'auto' }));
    const style = /<style>([^<]*)<\/style>/.exec(svg)?.[1] ?? '';
    expect(style).toMatch(/^@media \(prefers-color-scheme: dark\)\{/);
    expect(style).toContain('#cc-bars-root [fill="#ffffff"]{fill:#1b1b1b}');
    expect(style).toContain('#cc-bars-root [stroke="#e5e5e5"]{stroke:');
    expect(style).toContain('#cc-bars-root [stop-color="#0f5499"]{stop-color:');
    expect(style).not.toContain('url(');
    const selectors = [...style.slice(style.indexOf('{') + 1).matchAll(/([^{}]+)\{[^}]*\}/g)].map((m) => m[1]!);
    expect(selectors.length).toBeGreaterThan(4);
    // Device setting, the site's light switch restoring the colours, the site's dark switch: all scoped to the root.
    for (const selector of selectors) expect(selector).toMatch(/^(\.cc-light |\.cc-dark )?#cc-bars-root \[/);
    expect(style).toContain('.cc-light #cc-bars-root [fill="#ffffff"]{fill:#ffffff}');
    expect(style).toMatch(/\}\}\.cc-dark #cc-bars-root \[fill="#ffffff"\]\{fill:#1b1b1b\}/);
    expect(svg).toContain('fill="#ffffff"');
    expect(xmlProblem(svg)).toBeUndefined();
  });

  it('escapes an artboard root id for CSS', () => {
    expect(darkModeStyle('<svg><rect fill="#fff"/></svg>', 'cc-bars.w320-root')).toContain('#cc-bars\\.w320-root [fill="#fff"]');
  });

  it('gives the dark scheme the theme\'s background (transparent lets a dark page show through)', () => {
    const style = darkModeStyle('<svg><rect class="citechart-background" aria-hidden="true" fill="#ffffff"/><text fill="#121212"/></svg>', 'r', 'transparent');
    expect(style).toContain('@media (prefers-color-scheme: dark){#r [fill="#ffffff"]{fill:#1b1b1b}');
    expect(style).toContain('#r :is(rect.citechart-background,.citechart-chart>rect){fill:transparent}');
    expect(style).toContain('.cc-light #r :is(rect.citechart-background,.citechart-chart>rect){fill:#ffffff}');
    expect(style).toContain('.cc-dark #r :is(rect.citechart-background,.citechart-chart>rect){fill:transparent}');
    expect(applyDarkPalette('<rect class="citechart-background" aria-hidden="true" fill="#ffffff"/>', 'transparent')).toBe(
      '<rect class="citechart-background" aria-hidden="true" fill="transparent"/>',
    );
    expect(applyDarkPalette('<g class="citechart-chart"><rect width="9" fill="#ffffff"/></g>', 'transparent')).toBe('<g class="citechart-chart"><rect width="9" fill="transparent"/></g>');
    expect(readDarkBackground({ style: { 'citechart-dark': { fill: 'transparent' } } }, undefined)).toBe('transparent');
    expect(readDarkBackground({ style: { 'citechart-dark': { fill: 'transparent' } } }, { style: { 'citechart-dark': { color: '#000000' } } })).toBe('#000000');
    expect(readDarkBackground({}, undefined)).toBeUndefined();
  });

  it('has no style when no colour would change', () => {
    expect(darkModeStyle('<svg><rect fill="none"/></svg>', 'x')).toBe('');
  });

  it('recolours only attribute values that are colours', () => {
    expect(applyDarkPalette('<g fill="none" stroke="url(#a)"><text fill="#000">fill="#000"</text></g>')).toBe(
      '<g fill="none" stroke="url(#a)"><text fill="#f9f9f9">fill="#000"</text></g>',
    );
  });
});

describe('rasterSvg (what sharp draws)', () => {
  it('writes the viewBox size back as pixels and drops the dark-mode style', () => {
    const svg = composeSvg(parts({ darkMode: 'auto' }));
    const raster = rasterSvg(svg);
    const { width, height } = svgSize(svg);
    expect(rootAttributes(raster)).toMatchObject({ width: String(width), height: String(height) });
    expect(raster).not.toContain('<style');
    expect(raster.replace(/ width="\d+" height="\d+"/, ' width="100%"')).toBe(svg.replace(/<style>.*?<\/style>/, ''));
  });
});

describe('markDecorative', () => {
  // A data mark keeps no aria-label of Vega's either: under the root's role="img" it is never read (innerAria.test.ts).
  it('keeps an existing aria-hidden, and drops a data mark\'s role and aria-label', () => {
    const inner = '<g class="mark-group role-axis" aria-hidden="true"><path class="background" aria-hidden="true"/></g><path class="mark-symbol role-mark" role="graphics-symbol" aria-label="x"/>';
    expect(markDecorative(inner)).toBe('<g class="mark-group role-axis" aria-hidden="true"><path class="background" aria-hidden="true"/></g><path class="mark-symbol role-mark"/>');
  });
});

describe('ids of charts and artboards never collide', () => {
  it('across names that extend each other', () => {
    const names = ['a', 'a-1', 'a-w320', 'a-root', 'a-title', 'a.w320', 'a w320'];
    const ids = (prefix: string) => ['root', 'title', 'desc', 'provenance', '1', '2'].map((s) => `${prefix}-${s}`);
    const all = names.flatMap((name) => [...ids(idPrefix(name)), ...[320, 640].flatMap((w) => ids(artboardPrefix(name, w)))]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('prefixIds rewrites url() in style attributes and quoted url() references', () => {
    expect(prefixIds('<svg><clipPath id="c"/><g style="clip-path: url(\'#c\')"/></svg>', 'cc-x')).toBe(
      '<svg><clipPath id="cc-x-1"/><g style="clip-path: url(#cc-x-1)"/></svg>',
    );
  });
});
