import { describe, expect, it } from 'vitest';
import { parseDrawnText } from '../../src/text/embedFonts.js';
import { scanDrawnText } from '../../src/text/scanDrawnText.js';

const read = (drawn: Map<string, string> | undefined) => drawn && Object.fromEntries(drawn);

// Issue 15: the published SVG's text is read by a regular expression over its tags, not by htmlparser2;
// on Vega's and citechart's markup both must read the same text, and on any other the scanner must step aside.
describe('scanDrawnText', () => {
  const vegaLike =
    '<svg xmlns="http://www.w3.org/2000/svg" font-family="&quot;Source Sans 3&quot;, sans-serif"><metadata>{"a":"&lt;b&gt;"}</metadata>' +
    '<g transform="translate(1,2)"><path d="M0,0L1,1"/><text font-weight="bold" x="1">Tōkyō &amp; 東京 &#39;x&#39; &#x4E2D;</text></g>' +
    '<g font-style="italic" aria-label="a &gt; b"><text>mix<tspan font-weight="bold">ed</tspan> 5 > 4</text></g>' +
    '<text font-weight="&#55;00">seven</text><text font-weight="normal"/></svg>\n';

  it('reads what the parser reads: faces inherited, entities decoded, `>` in text and values', () => {
    const scanned = scanDrawnText(vegaLike);
    expect(scanned).toBeDefined();
    expect(read(scanned)).toEqual(read(parseDrawnText(vegaLike)));
    expect(read(scanned)).toEqual({ bold: 'Tōkyō & 東京 \'x\' 中seven', boldItalic: 'ed', italic: 'mix 5 > 4' });
  });

  it.each([
    ['a comment', '<svg><!-- <text>no</text> --><text>yes</text></svg>'],
    ['CDATA', '<svg><text><![CDATA[a < b]]></text></svg>'],
    ['a processing instruction', '<?xml version="1.0"?><svg><text>a</text></svg>'],
    ['a single-quoted attribute', "<svg><text font-weight='bold'>a</text></svg>"],
    ['an HTML entity', '<svg><text>a&nbsp;b</text></svg>'],
    ['a bare ampersand', '<svg><text>a & b</text></svg>'],
    ['a reference to a control character', '<svg><text>a&#1;b</text></svg>'],
    ['an end tag that closes another element', '<svg><g><text>a</g></text></svg>'],
    ['an element left open', '<svg><text>a</text>'],
  ])('leaves %s to the parser', (_, svg) => {
    expect(scanDrawnText(svg)).toBeUndefined();
  });
});
