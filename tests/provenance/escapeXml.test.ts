import { describe, expect, it } from 'vitest';
import { xmlAttribute, xmlText } from '../../src/provenance/escapeXml.js';

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
});
