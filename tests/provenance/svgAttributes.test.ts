import { describe, expect, it } from 'vitest';
import { attributeValues, rewriteAttributes } from '../../src/provenance/svgAttributes.js';
import { prefixIds } from '../../src/provenance/prefixIds.js';
import { dropExternalRef } from '../../src/provenance/dropExternalRefs.js';

// Issue 15: prefixIds looks only at the start tags that can change (an id, an href, a url(…)).
describe('svgAttributes with `only`', () => {
  const svg = '<svg><path d="M0,0" fill="#fff"/><clipPath id="clip1"><rect width="2"/></clipPath><g clip-path="url(#clip1)"><text>id="clip1"</text></g></svg>';

  it('keeps a tag whole when `only` does not match it, even if the rewrite would change it', () => {
    const upper = (_: string, name: string, value: string) => (name === 'width' ? `${value}0` : undefined);
    expect(rewriteAttributes(svg, upper)).toContain('width="20"');
    expect(rewriteAttributes(svg, upper, /\sid="/)).toBe(svg);
    expect([...attributeValues(svg, /\sid="/)].map((a) => `${a.name}=${a.value}`)).toEqual(['id=clip1']);
  });

  it('prefixes ids and their references, leaving text and other tags alone', () => {
    const out = prefixIds(svg, 'cc-x', dropExternalRef);
    expect(out).toBe('<svg><path d="M0,0" fill="#fff"/><clipPath id="cc-x-1"><rect width="2"/></clipPath><g clip-path="url(#cc-x-1)"><text>id="clip1"</text></g></svg>');
    expect(prefixIds('<svg><rect fill="URL(https://t.example/p.svg#g)"/></svg>', 'cc-x', dropExternalRef)).toBe('<svg><rect fill="none"/></svg>');
  });
});
