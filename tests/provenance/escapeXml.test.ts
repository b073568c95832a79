import { escapeAttribute, escapeText } from 'entities';
import { describe, expect, it } from 'vitest';
import { stripControl, xmlAttribute, xmlText } from '../../src/provenance/escapeXml.js';

describe('xmlText and xmlAttribute', () => {
  it('write a no-break space as itself, not as "&nbsp;", which XML (and so librsvg, the PNG) does not define', () => {
    // French thousands (d3-format fr-FR): "1 000" with U+00A0.
    expect(xmlText('1\u00a0000 <b>')).toBe('1\u00a0000 &lt;b&gt;');
    expect(xmlAttribute('1\u00a0000 "x"')).toBe('1\u00a0000 &quot;x&quot;');
  });

  it('still escape a user\'s literal "&nbsp;" text', () => {
    expect(xmlText('&nbsp;')).toBe('&amp;nbsp;');
    expect(xmlAttribute('&nbsp;')).toBe('&amp;nbsp;');
  });

  // Issue 15: a text with nothing to escape is returned after one scan, not three; every text reads as the three passes write it.
  it.each([
    'plain', '', 'Ünïcödé 東京 עברית', '1\u00a0000', 'a & b', '<b>', 'x > y', '"quoted"', "it's", 'tab\there\nline',
    'bell\u0007', '\u0000', 'end\uFFFF', 'lone \ud800 surrogate', '&nbsp;', '\u00a0', '\u001f\u000b<&>"\u00a0',
  ])('agree with the three passes: %j', (text) => {
    const raw = (escaped: string) => escaped.replaceAll('&nbsp;', '\u00a0');
    expect(xmlText(text)).toBe(raw(escapeText(stripControl(text))));
    expect(xmlAttribute(text)).toBe(raw(escapeAttribute(stripControl(text))));
  });
});
