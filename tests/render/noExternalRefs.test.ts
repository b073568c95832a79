// No published SVG may make a reader's browser fetch or run anything: no
// image or font from a URL, no stylesheet import, no script, no event
// handler, no javascript: URL, no link out. Scans every example and gallery
// SVG (artboards included) and a chart whose spec asks for links.
import { describe, expect, it } from 'vitest';
import { attributeValues } from '../../src/provenance/svgAttributes.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject, where } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';
import { publishedSvgs } from '../helpers/publishedSvgs.js';

const published = publishedSvgs();

/** Every way an SVG could reach outside itself; empty when it cannot. */
function externalReferences(svg: string): string[] {
  const found: string[] = [];
  // <metadata> holds the sources' URLs as JSON-LD text: data, never fetched.
  const markup = svg.replace(/(<metadata\b[^>]*>)[\s\S]*?(<\/metadata>)/, '$1$2');
  for (const element of ['script', 'image', 'foreignObject', 'iframe', 'object', 'embed', 'a', 'use', 'feImage', 'font-face-uri']) {
    if (new RegExp(`<${element}[\\s>/]`, 'i').test(markup)) found.push(`<${element}> element`);
  }
  for (const { tag, name, value } of attributeValues(markup)) {
    if (/^on/i.test(name)) found.push(`${tag} ${name}= event handler`);
    // Vega's per-mark aria-label repeats the data as text (a CSV cell may say "javascript:"): never a URL.
    if (/javascript:/i.test(value) && !name.startsWith('aria-')) found.push(`${tag} ${name}= javascript: URL`);
    if (/^(xlink:)?href$/i.test(name) && !value.startsWith('#')) found.push(`${tag} ${name}="${value}"`);
    if (/url\(\s*['"]?(?!#)/i.test(value)) found.push(`${tag} ${name}= url() to outside`);
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue; // namespace names, never fetched
    if (/^(https?:|\/\/|data:)/i.test(value.trim())) found.push(`${tag} ${name}="${value}"`);
  }
  for (const style of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) {
    // The embedded font is a data URL (WOFF2 in base64): nothing is fetched.
    const css = style[1]!.replace(/url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/g, '');
    if (/@import|url\(/i.test(css)) found.push('<style> loads a resource');
  }
  return found;
}

describe('no external references in any published SVG', () => {
  it('scans the examples, their artboards and the gallery', () => {
    expect(published.length).toBeGreaterThanOrEqual(9);
    expect(published.some(([file]) => /-\d+w\.svg$/.test(file))).toBe(true);
  });

  it.each(published)('%s reaches nothing outside itself', (_, svg) => {
    expect(externalReferences(svg)).toEqual([]);
  });

  it('the scan finds each kind of reference (it can fail)', () => {
    const hostile = [
      '<svg><image href="https://x.org/a.png"/></svg>',
      '<svg><script>alert(1)</script></svg>',
      '<svg><rect onload="alert(1)"/></svg>',
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><rect fill="url(https://x.org/p.svg#p)"/></svg>',
      '<svg><style>@import url(https://x.org/f.css);</style></svg>',
      '<svg><style>@font-face{font-family:X;src:url(f.woff)}</style></svg>',
      '<svg><style>@font-face{font-family:X;src:url(data:font/woff2;base64,d09GMg==) format("woff2"),url(https://x.org/f.woff2)}</style></svg>',
      '<svg><use href="other.svg#x"/></svg>',
    ];
    for (const svg of hostile) expect(externalReferences(svg), svg).not.toEqual([]);
    expect(externalReferences('<svg xmlns="http://www.w3.org/2000/svg"><metadata>{"url":"https://x.org"}</metadata><rect clip-path="url(#c)"/></svg>')).toEqual([]);
  });
});

describe('links a spec asks for (Vega href channel)', () => {
  it('are unwrapped with a warning: Vega\'s SVG string renderer writes <a xlink:href> for http(s) URLs', async () => {
    const spec = JSON.stringify({
      data: { url: 'data/t.csv' },
      mark: 'bar',
      encoding: {
        y: { field: 'country', type: 'nominal' },
        x: { field: 'exports', type: 'quantitative' },
        href: { field: 'link', type: 'nominal' },
      },
    });
    const cwd = makeProject({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'country,exports,link,source\nChina,90,https://example.org/china,a\nIndia,6,javascript:alert(1),a\n',
      'specs/x.vl.json': spec,
    });
    const { chart, diagnostics } = await renderChart(await openProject(cwd), 'x', { png: false });
    expect(format(diagnostics)).toEqual([
      `${where('specs/x.vl.json', spec, '"field":"link"')}: warning: links (href) are left out of the published graphic: an embedded chart links nowhere; put the links in the article text`,
    ]);
    expect(externalReferences(chart!.svg)).toEqual([]);
    // The bars themselves stay.
    const bars = /<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/.exec(chart!.svg)![1]!;
    expect(bars.match(/<path\b/g)).toHaveLength(2);
    expect(chart!.svg).not.toMatch(/href="(https:|javascript:)/);
  });
});

describe('url() paints a spec or a CSV cell asks for', () => {
  it('become none, while the chart\'s own clip paths and gradients stay', async () => {
    const spec = JSON.stringify({
      data: { url: 'data/t.csv' },
      background: 'url(https://x.org/bg.svg#p)',
      mark: { type: 'bar', stroke: "url('//x.org/s.svg#s')", clip: true },
      encoding: {
        y: { field: 'country', type: 'nominal' },
        x: { field: 'exports', type: 'quantitative' },
        // A colour column drawn as is: the cell's text becomes the fill.
        color: { field: 'colour', type: 'nominal', scale: null },
      },
      config: { style: { cell: { fill: 'url(other.svg#c)' } } },
      usermeta: { citechart: { widths: [320], darkMode: 'auto' } },
    });
    const cwd = makeProject({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': 'country,exports,colour,source\nChina,90,url(https://x.org/track.svg#g),a\nIndia,6,"url(""https://x.org/q.svg#q"")",a\nPeru,3,#4c78a8,a\n',
      'specs/x.vl.json': spec,
    });
    const { chart } = await renderChart(await openProject(cwd), 'x', { png: false });
    for (const svg of [chart!.svg, ...chart!.artboards!.map((board) => board.svg)]) {
      expect(externalReferences(svg)).toEqual([]);
      expect(svg).toContain('fill="#4c78a8"');
      expect(svg).toMatch(/clip-path="url\(#cc-x(\.w320)?-\d+\)"/);
    }
    expect(chart!.svg.match(/fill="none"/g)!.length).toBeGreaterThanOrEqual(3);
  });
});
