import { describe, expect, it } from 'vitest';
import { idPrefix, prefixIds } from '../../src/provenance/prefixIds.js';
import { dropExternalRef, dropExternalRefs } from '../../src/provenance/dropExternalRefs.js';
import { stripControl, xmlAttribute, xmlText } from '../../src/provenance/escapeXml.js';
import { chartTitle, chartSubtitle } from '../../src/provenance/chartTitle.js';

describe('prefixIds', () => {
  const svg = '<svg><defs><clipPath id="clip7"><rect/></clipPath><linearGradient id="gradient_0"/></defs>' +
    '<g clip-path="url(#clip7)"><rect fill="url(#gradient_0)"/><use href="#clip7"/><use xlink:href="#gradient_0"/></g>' +
    '<title id="cc-x-title">t</title></svg>';

  it('renumbers ids in order under the chart prefix and rewrites references', () => {
    expect(prefixIds(svg, 'cc-x')).toBe(
      '<svg><defs><clipPath id="cc-x-1"><rect/></clipPath><linearGradient id="cc-x-2"/></defs>' +
        '<g clip-path="url(#cc-x-1)"><rect fill="url(#cc-x-2)"/><use href="#cc-x-1"/><use xlink:href="#cc-x-2"/></g>' +
        '<title id="cc-x-title">t</title></svg>',
    );
  });

  it('gives the same output whatever numbers Vega\'s process-wide counters reached', () => {
    expect(prefixIds(svg.replaceAll('clip7', 'clip99'), 'cc-x')).toBe(prefixIds(svg, 'cc-x'));
  });

  it('drops external url() references in the same pass as two passes would (composeSvg, issue 15)', () => {
    const outside = '<svg><clipPath id="clip1"/><g fill="url(https://tracker.example/p.svg#g)" clip-path="url(#clip1)"><rect style="fill: url(&quot;http://x/y&quot;)"/></g><text>url(http://x)</text></svg>';
    expect(prefixIds(outside, 'cc-x', dropExternalRef)).toBe(prefixIds(dropExternalRefs(outside), 'cc-x'));
    expect(prefixIds(outside, 'cc-x', dropExternalRef)).toBe(
      '<svg><clipPath id="cc-x-1"/><g fill="none" clip-path="url(#cc-x-1)"><rect style="fill: none"/></g><text>url(http://x)</text></svg>',
    );
    // With no id to rename, the references are still dropped.
    const noIds = '<svg><rect fill="url(http://x/p#g)"/></svg>';
    expect(prefixIds(noIds, 'cc-x', dropExternalRef)).toBe('<svg><rect fill="none"/></svg>');
  });

  it('leaves text that looks like a reference alone', () => {
    const text = '<svg><clipPath id="clip1"/><text aria-label="url(#clip1)">id="clip1" url(#clip1)</text></svg>';
    expect(prefixIds(text, 'cc-x')).toBe('<svg><clipPath id="cc-x-1"/><text aria-label="url(#clip1)">id="clip1" url(#clip1)</text></svg>');
  });

  it('makes an id-safe prefix from any chart name, distinct for distinct names', () => {
    expect(idPrefix('share-2023')).toBe('cc-share-2023');
    expect(idPrefix('my chart')).toMatch(/^cc-my-chart-[0-9a-f]{6}$/);
    expect(idPrefix('my chart')).not.toBe(idPrefix('my-chart'));
    expect(idPrefix('图表')).not.toBe(idPrefix('地图'));
  });
});

describe('escapeXml', () => {
  it('escapes markup in text and attributes', () => {
    expect(xmlText('</text><script>x</script> & "q"')).toBe('&lt;/text&gt;&lt;script&gt;x&lt;/script&gt; &amp; "q"');
    expect(xmlAttribute('a"b<c')).toBe('a&quot;b&lt;c');
  });

  it('removes C0 control characters but keeps tab, newline and carriage return', () => {
    expect(stripControl('a\u0001b\u001Fc\td\ne\rf\u0000')).toBe('abc\td\ne\rf');
  });
});

describe('chartTitle', () => {
  it.each([
    [{ title: 'Plain' }, 'Plain'],
    [{ title: ['Two', 'lines'] }, 'Two lines'],
    [{ title: { text: 'Object', subtitle: 'Sub' } }, 'Object'],
    [{}, ''],
  ])('%j → %s', (spec, text) => {
    expect(chartTitle(spec)).toBe(text);
  });

  it('reads the subtitle', () => {
    expect(chartSubtitle({ title: { text: 'T', subtitle: ['a', 'b'] } })).toBe('a b');
  });
});
