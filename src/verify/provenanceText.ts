import { Parser } from 'htmlparser2';

/**
 * The text of the elements that may hold citechart's JSON-LD, found with a
 * real parser (htmlparser2), entities decoded, in document order:
 *
 * - `xml`: SVG, and the XMP packet of a PNG: every `<metadata>` and
 *   `<citechart:provenance>` element;
 * - `html`: the embed snippet or a page holding one: every
 *   `<script type="application/ld+json">` (raw text, as a browser reads it),
 *   then every `<metadata>` of an inline SVG (in case a CMS dropped the script).
 */
export function provenanceText(markup: string, mode: 'xml' | 'html'): string[] {
  const scripts: string[] = [];
  const metadata: string[] = [];
  let current: string[] | undefined;
  let text = '';
  const wanted = (name: string, attributes: Record<string, string>): string[] | undefined => {
    const tag = name.toLowerCase();
    if (tag === 'metadata' || tag === 'citechart:provenance') return metadata;
    if (mode === 'html' && tag === 'script' && attributes.type?.trim().toLowerCase() === 'application/ld+json') return scripts;
    return undefined;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (current) return; // nested markup inside a wanted element is not text we want
        current = wanted(name, attributes);
        text = '';
      },
      ontext(chunk) {
        if (current) text += chunk;
      },
      onclosetag(name) {
        if (current && wanted(name, { type: 'application/ld+json' }) === current) {
          current.push(text);
          current = undefined;
        }
      },
    },
    { xmlMode: mode === 'xml', decodeEntities: true },
  );
  parser.write(markup);
  parser.end();
  return [...scripts, ...metadata];
}
