import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/model.js';
import { encodeTextDirective, evidenceLink } from '../../src/trail/evidenceLink.js';

const source = (url: string, translator = ''): Source => ({
  id: 's', publisher: 'P', authors: [], title: 'T', published: '2024', url, attribution: '', language: '', translator, accessed: '', line: 2,
});

describe('evidenceLink', () => {
  const quote = `Exports fell 12% - the "worst" year, said O'Brien, & more`;

  it('links to the quoted sentence with every directive character (&, comma, dash) and the quotes percent-encoded', () => {
    const href = evidenceLink(source('https://example.org/report'), quote)!;
    expect(href).toBe(
      'https://example.org/report#:~:text=Exports%20fell%2012%25%20%2D%20the%20%22worst%22%20year%2C%20said%20O%27Brien%2C%20%26%20more',
    );
    const directive = href.split(':~:text=')[1]!;
    expect(directive).not.toMatch(/[&,\-"' ]/);
    expect(decodeURIComponent(directive)).toBe(quote);
  });

  it('keeps an existing fragment, collapses whitespace, and adds none without a quote', () => {
    expect(evidenceLink(source('https://example.org/r#part'), ' a\n  b ')).toBe('https://example.org/r#part:~:text=a%20b');
    expect(evidenceLink(source('https://example.org/r'), '')).toBe('https://example.org/r');
  });

  it('no link for a source without an http(s) URL; no fragment for a translated quote', () => {
    expect(evidenceLink(source(''), quote)).toBeUndefined();
    expect(evidenceLink(source('javascript:alert(1)'), quote)).toBeUndefined();
    expect(evidenceLink(source('https://example.org/r', 'A Translator'), quote)).toBe('https://example.org/r');
  });

  it('encodes the characters encodeURIComponent leaves alone that the directive syntax or HTML could misread', () => {
    expect(encodeTextDirective("-!'()*~._")).toBe('%2D%21%27%28%29%2A~._');
  });
});
