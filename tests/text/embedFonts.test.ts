import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { drawnText, embedFonts, unicodeRange } from '../../src/text/embedFonts.js';
import { barSpec, minimalProject } from '../helpers/fixtureProject.js';
import { project } from '../helpers/project.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" font-family="&quot;Source Sans 3&quot;, sans-serif"><metadata>{}</metadata>' +
  '<text font-weight="bold">Tōkyō &amp; 東京</text><g font-style="italic"><text>mix<tspan font-weight="bold">ed</tspan></text></g></svg>';

const faces = (svg: string) => [...svg.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);

describe('embedFonts', () => {
  it('reads the text an SVG draws by face, inherited weights and styles included', () => {
    expect(Object.fromEntries(drawnText(SVG))).toEqual({ bold: 'Tōkyō & 東京', italic: 'mix', boldItalic: 'ed' });
  });

  // Issue 15: the PNG's fonts (rasterFontFiles) read the text of the SVG embedFonts returned from its memo, not a second parse.
  it('remembers the text of the SVG it returns, which is the text a fresh parse reads', async () => {
    const svg = await embedFonts(SVG);
    const remembered = Object.fromEntries(drawnText(svg));
    // A trailing space is not the same string: parsed afresh.
    expect(Object.fromEntries(drawnText(`${svg} `))).toEqual(remembered);
    expect(remembered).toEqual(Object.fromEntries(drawnText(SVG)));
  });

  it('writes exact unicode-ranges', () => {
    expect(unicodeRange(['c', 'a', 'b', 'x', '東'])).toBe('U+61-63,U+78,U+6771');
  });

  it('embeds one WOFF2 subset per font and face, under a family of its own named first', async () => {
    const svg = await embedFonts(SVG);
    const rules = faces(svg);
    expect(rules.map((rule) => /font-weight:(\d+);font-style:(\w+);/.exec(rule)!.slice(1).join(' ') + ' ' + /unicode-range:([^}]*)/.exec(rule)![1])).toEqual(
      expect.arrayContaining(['700 normal U+20,U+26,U+54,U+6B,U+79,U+14D', '700 normal U+4EAC', '700 normal U+6771', '400 italic U+69,U+6D,U+78', '700 italic U+64-65']),
    );
    expect(rules.every((rule) => rule.includes('src:url(data:font/woff2;base64,d09GMg'))).toBe(true);
    const family = /font-family:"(cc-[0-9a-f]{10})"/.exec(rules[0]!)![1];
    expect(svg).toContain(`font-family="${family}, &quot;Source Sans 3&quot;, sans-serif"`);
  });

  it('gives the same bytes for the same text, and another family for other glyphs', async () => {
    expect(await embedFonts(SVG)).toBe(await embedFonts(SVG));
    const other = await embedFonts(SVG.replace('mix', 'max'));
    expect(/cc-[0-9a-f]{10}/.exec(other)![0]).not.toBe(/cc-[0-9a-f]{10}/.exec(await embedFonts(SVG))![0]);
  });

  it('adds at most ~25 KB to a Latin chart, and nothing with embedFonts: false', async () => {
    const cwd = await project(minimalProject);
    const { chart } = await renderChart(await openProject(cwd), 'exports', { png: false });
    const off = await project({ ...minimalProject, 'specs/exports.vl.json': barSpec({ extra: { usermeta: { citechart: { embedFonts: false } } } }) });
    const { chart: bare } = await renderChart(await openProject(off), 'exports', { png: false });
    expect(faces(chart!.svg).length).toBe(2);
    expect(bare!.svg).not.toContain('@font-face');
    expect(chart!.svg.length - bare!.svg.length).toBeLessThan(25_000);
  });
});
