// drawnText reads citechart's own SVGs with scanDrawnText (a regular
// expression per tag) instead of htmlparser2, which runs cold in a fresh
// process (issue 15, item 3): both must find the same text in the same faces.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawnText, parsedDrawnText } from '../../src/text/embedFonts.js';
import { scanDrawnText } from '../../src/text/scanDrawnText.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const svgsIn = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.svg') && !file.endsWith('-changed.svg'))
    .map((file) => path.join(dir, file));

const SVG = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">${inner}</svg>`;

describe('scanDrawnText', () => {
  const committed = [...svgsIn('output'), ...svgsIn('tests/snapshots/__snapshots__')];

  it('reads every committed SVG (example charts, snapshots, maps) as htmlparser2 does', () => {
    expect(committed.length).toBeGreaterThan(20);
    for (const file of committed) {
      const svg = readFileSync(path.join(ROOT, file), 'utf8');
      // citechart's own SVG takes the fast path…
      expect(scanDrawnText(svg), file).toBeDefined();
      // …and finds what the parser finds, face by face, in the same order.
      expect([...drawnText(svg)], file).toEqual([...parsedDrawnText(svg)]);
    }
  });

  it('decodes entities and inherits faces from parents, as htmlparser2 does', () => {
    const cases = [
      SVG('<g font-weight="bold"><text x="1">A&amp;B &lt;C&gt; &quot;q&quot; &apos;s&apos; &#233;&#x1F600; &unknown; &amp</text></g>'),
      SVG(`<g font-style='italic'><text><tspan font-weight="700">bold it</tspan> italic</text><text font-weight="normal" font-style="normal">plain</text></g>`),
      SVG('<text font-weight="bold" font-weight="normal">first wins</text><text aria-label="font-weight=\'bold\'">label, not a weight</text>'),
      SVG('<text>\n  spaced\n</text><g><path d="M0,0"/><text/><text font-weight="bold"/></g><title>not drawn</title>'),
      SVG('<text font-weight="b&#111;ld">entity in a weight</text><text font-style = "oblique" >spaced attribute</text>'),
    ];
    for (const svg of cases) {
      expect(scanDrawnText(svg), svg).toBeDefined();
      expect([...drawnText(svg)], svg).toEqual([...parsedDrawnText(svg)]);
    }
    expect(drawnText(cases[0]!).get('bold')).toBe('A&B <C> "q" \'s\' é😀 &unknown; &amp');
  });

  it('leaves what it does not read to htmlparser2: comments, CDATA, declarations, unquoted attributes, unbalanced tags', () => {
    const cases = [
      `<?xml version="1.0"?>${SVG('<text>a</text>')}`,
      SVG('<!-- <text>no</text> --><text>yes</text>'),
      SVG('<text><![CDATA[<b>raw</b>]]></text>'),
      SVG('<text x=1>unquoted</text>'),
      SVG('<text>a < b</text>'),
      SVG('<g><text>unclosed</g>'),
      SVG('<text>never closed'),
    ];
    for (const svg of cases) {
      expect(scanDrawnText(svg), svg).toBeUndefined();
      expect([...drawnText(svg)]).toEqual([...parsedDrawnText(svg)]);
    }
  });
});
