// The text an SVG draws, by face, read with one regular expression over its
// tags instead of an XML parser (issue 15: htmlparser2's tokenizer was ~2 ms
// of every chart, read once per published SVG). It reads only the strict
// markup Vega and citechart write: start tags with double-quoted attributes,
// end tags, text with the five XML entities and numeric references. Anything
// else (a comment, CDATA, a processing instruction, a single-quoted attribute,
// another entity, an end tag that closes no open element) makes it answer
// `undefined`, and the caller reads that SVG with the parser, so both give the
// same text whatever the input.
import type { FontFace } from './fonts.js';
import { faceFor } from './textMetrics.js';

/** A start tag (name, attributes, self-closing slash) or an end tag (name); `>` inside a quoted value is part of the value. */
const TAG = /<(?:([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)|\/([A-Za-z][\w:.-]*)\s*)>/g;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9A-Fa-f]{1,6}));/g;
const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/**
 * Every character inside `<text>` elements of `svg`, grouped by the face it
 * is drawn in (font-weight / font-style attributes, inherited from parent
 * elements), entities decoded; undefined when `svg` holds markup outside the
 * strict subset above (the caller then parses it: drawnText in embedFonts.ts).
 */
export function scanDrawnText(svg: string): Map<FontFace, string> | undefined {
  const drawn = new Map<FontFace, string>();
  const names: string[] = [];
  const faces: Array<{ weight: string | undefined; style: string | undefined }> = [{ weight: undefined, style: undefined }];
  let inText = 0;
  let at = 0;
  const text = (from: number, to: number): boolean => {
    if (from === to) return true;
    const raw = svg.slice(from, to);
    if (raw.includes('<')) return false;
    if (!inText) return true;
    const decoded = raw.includes('&') ? decode(raw) : raw;
    if (decoded === undefined) return false;
    const { weight, style } = faces[faces.length - 1]!;
    const face = faceFor(weight, style);
    drawn.set(face, (drawn.get(face) ?? '') + decoded);
    return true;
  };
  TAG.lastIndex = 0;
  for (let match = TAG.exec(svg); match; match = TAG.exec(svg)) {
    if (!text(at, match.index)) return undefined;
    at = TAG.lastIndex;
    const [, open, attributes, selfClosing, close] = match;
    if (close !== undefined) {
      if (names.pop() !== close) return undefined;
      faces.pop();
      if (close === 'text') inText--;
      continue;
    }
    const parent = faces[faces.length - 1]!;
    const weight = attribute(attributes!, 'font-weight');
    const style = attribute(attributes!, 'font-style');
    if (weight === null || style === null) return undefined;
    if (selfClosing) continue;
    names.push(open!);
    faces.push({ weight: weight ?? parent.weight, style: style ?? parent.style });
    if (open === 'text') inText++;
  }
  if (!text(at, svg.length) || names.length) return undefined;
  return drawn;
}

/** The first value of attribute `name` in a tag's attribute text, decoded; null when it cannot be decoded here. */
function attribute(attributes: string, name: string): string | undefined | null {
  if (!attributes.includes(name)) return undefined;
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(attributes);
  if (!found) return undefined;
  return found[1]!.includes('&') ? (decode(found[1]!) ?? null) : found[1]!;
}

/** XML text with its entities decoded; undefined for an entity or character reference this scanner does not take on. */
function decode(raw: string): string | undefined {
  let safe = true;
  const decoded = raw.replace(ENTITY, (_, named: string | undefined, decimal: string | undefined, hex: string | undefined) => {
    if (named) return NAMED.get(named)!;
    const point = decimal !== undefined ? Number(decimal) : parseInt(hex!, 16);
    // Controls, surrogates and points past Unicode are decoded differently by XML parsers (replaced, refused): left to the parser.
    if (point < 0x20 ? point !== 0x9 && point !== 0xa && point !== 0xd : (point >= 0x7f && point <= 0x9f) || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) safe = false;
    return safe ? String.fromCodePoint(point) : '';
  });
  // A bare `&` (not one of the entities above) is read differently by parsers too.
  return safe && !raw.replace(ENTITY, '').includes('&') ? decoded : undefined;
}
