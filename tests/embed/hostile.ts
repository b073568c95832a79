// Hostile text for the snippet's escaping tests: each value tries to break
// out of where it is put (text, attribute, link, script) and, if it got
// out, would bump window.__pwned, so a browser test can see it executing.
import type { EmbedFacts } from '../../src/embed/embedHtml.js';
import type { Source } from '../../src/model.js';

export const PWN = 'window.__pwned=(window.__pwned||0)+1';

export const HOSTILE = {
  title: `Title </span></figcaption><script>${PWN}</script> & "quoted"`,
  cell: `<img src=x onerror="${PWN}">`,
  quote: `</script><script>${PWN}</script>`,
  publisher: `Pub" onmouseover="${PWN}" x="<b>`,
  alt: `alt" onerror="${PWN}`,
  jsUrl: `javascript:${PWN}`,
  quoteUrl: `https://example.org/a"onclick="${PWN}"`,
};

export function hostileSource(id: string, url: string): Source {
  return {
    id,
    publisher: HOSTILE.publisher,
    authors: ['A <i>Author</i>'],
    title: `Title <script>${PWN}</script>`,
    published: '2024',
    url,
    attribution: `officials' "words" <!--`,
    language: '',
    translator: '',
    accessed: '',
    line: 2,
  };
}

/** Facts for `embedHtml` with hostile text everywhere the data can reach. */
export function hostileFacts(): EmbedFacts {
  const sources = [hostileSource('bad-js', HOSTILE.jsUrl), hostileSource('bad-quote', HOSTILE.quoteUrl)];
  return {
    name: 'hostile',
    title: HOSTILE.title,
    alt: HOSTILE.alt,
    footer: [
      { lead: 'Sources:', text: `1. ${HOSTILE.publisher}` },
      { lead: '', text: `2. ${HOSTILE.publisher}` },
      { lead: 'Note:', text: HOSTILE.quote },
    ],
    sources,
    tables: [
      {
        file: 'data/<evil>.csv',
        columns: ['name <b>', 'value'],
        rows: [
          { values: [HOSTILE.cell, 1], citation: HOSTILE.publisher, note: HOSTILE.quote },
          { values: ['plain', null], citation: 'x', note: '' },
        ],
      },
    ],
    jsonLd: { '@context': 'https://schema.org', name: HOSTILE.title, text: HOSTILE.quote, sep: '\u2028' },
  };
}

/** A small SVG standing in for a chart (the real ones are tested through build). */
export const TINY_SVG = (id: string, width = 200) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="100" viewBox="0 0 ${width} 100"><title id="${id}-t">chart</title><rect width="${width}" height="100" fill="#c00"/></svg>\n`;
