import { decodeXML } from 'entities';

// embedFonts reads the characters each face draws from every SVG it embeds
// fonts in. htmlparser2 did it (≈2 ms once warm), but in a fresh process its
// tokenizer, a JavaScript state machine called per character, runs cold:
// 40–90 ms for a 400-point scatter's 120 KB (issue 15: a one-chart build's
// fixed cost). The SVGs read here are citechart's own (Vega's SVG renderer,
// then composeSvg), plain elements, quoted attributes and text, so one
// regular expression per tag reads them; anything else (comments, CDATA,
// processing instructions, a tag this does not read, unbalanced tags) is
// left to htmlparser2 (`undefined` below). tests/text/scanDrawnText.test.ts
// compares both on every SVG of the repository and on hand-made ones.

/** A start or end tag at the position it is matched from: `/`, the name, the attributes, `/` of an empty element. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s"'<>/=]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;

/** One attribute of a tag's attribute text, from where the last one ended. */
const ATTRIBUTE = /\s+([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/** The tag's `font-weight` and `font-style` values (the first of each, as htmlparser2 keeps the first of two), decoded. */
function faceAttributes(attributes: string): { weight?: string; style?: string } {
  const found: { weight?: string; style?: string } = {};
  // Most tags name neither: their attributes are not read one by one.
  if (!attributes.includes('font-')) return found;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
    const key = match[1] === 'font-weight' ? 'weight' : match[1] === 'font-style' ? 'style' : undefined;
    if (!key || found[key] !== undefined) continue;
    const value = match[2] ?? match[3]!;
    found[key] = value.includes('&') ? decodeXML(value) : value;
  }
  return found;
}

/**
 * The text drawn by `<text>` elements of `svg`, by the face (faceFor of the
 * inherited `font-weight` and `font-style`) that draws it, in document order:
 * what htmlparser2 in XML mode gives drawnText, for SVG made only of
 * elements, double- or single-quoted attributes and text with XML entities.
 * @returns `[weight, style, text]` runs (attribute values as written, decoded),
 *   or undefined when the SVG has anything else (comments, CDATA, `<?…?>`, a
 *   doctype, an unquoted or valueless attribute, a stray `<`, end tags that do
 *   not match) — then the caller parses it.
 */
export function scanDrawnText(svg: string): Array<[weight: unknown, style: unknown, text: string]> | undefined {
  const runs: Array<[unknown, unknown, string]> = [];
  const names: string[] = [];
  const faces: Array<{ weight: unknown; style: unknown }> = [{ weight: undefined, style: undefined }];
  let inText = 0;
  let at = 0;
  for (;;) {
    const open = svg.indexOf('<', at);
    const end = open < 0 ? svg.length : open;
    if (inText && end > at) {
      const text = svg.slice(at, end);
      const face = faces[faces.length - 1]!;
      runs.push([face.weight, face.style, text.includes('&') ? decodeXML(text) : text]);
    }
    if (open < 0) break;
    TAG.lastIndex = open;
    const tag = TAG.exec(svg);
    if (!tag) return undefined;
    const [whole, closing, name, attributes, empty] = tag as unknown as [string, string, string, string, string];
    at = open + whole.length;
    if (closing) {
      if (empty || attributes || names.pop() !== name) return undefined;
      faces.pop();
      if (name === 'text') inText--;
      continue;
    }
    if (empty) continue;
    const parent = faces[faces.length - 1]!;
    const { weight, style } = faceAttributes(attributes);
    names.push(name);
    faces.push({ weight: weight ?? parent.weight, style: style ?? parent.style });
    if (name === 'text') inText++;
  }
  return names.length ? undefined : runs;
}
