// Rewriting attributes of generated SVG without an XML library: only inside
// start tags, so text content that happens to read `fill="#fff"` or
// `id="clip1"` (a CSV cell can say anything) is never touched. Attribute
// values in our SVG never hold a bare `"` (Vega and escapeXml escape it), so
// a quoted value is read whole even when it contains `>`.

const START_TAG = /<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)(\s*\/?)>/g;
const ATTRIBUTE = /(\s+)([\w:.-]+)="([^"]*)"/g;

/**
 * Calls `rewrite(tag, name, value)` for every attribute of every start tag;
 * the value it returns replaces the attribute's (undefined keeps it).
 * `only`, when given, is tested on a start tag's attribute text (leading
 * space included) first: a tag it does not match is kept whole without a
 * call, so `only` must match every tag `rewrite` could change (one test per
 * tag instead of a call per attribute: most of a chart's tags are paths
 * with nothing to rewrite, issue 15).
 */
export function rewriteAttributes(svg: string, rewrite: (tag: string, name: string, value: string) => string | undefined, only?: RegExp): string {
  return svg.replace(START_TAG, (whole, tag: string, attributes: string, end: string) => {
    if (only && !only.test(attributes)) return whole;
    const rewritten = attributes.replace(ATTRIBUTE, (attribute, space: string, name: string, value: string) => {
      const next = rewrite(tag, name, value);
      return next === undefined ? attribute : `${space}${name}="${next}"`;
    });
    return rewritten === attributes ? whole : `<${tag}${rewritten}${end}>`;
  });
}

/** Every attribute value of every start tag, in document order; with `only`, of the tags whose attribute text it matches (as rewriteAttributes). */
export function* attributeValues(svg: string, only?: RegExp): Generator<{ tag: string; name: string; value: string }> {
  for (const tag of svg.matchAll(START_TAG)) {
    if (only && !only.test(tag[2]!)) continue;
    for (const attribute of tag[2]!.matchAll(ATTRIBUTE)) yield { tag: tag[1]!, name: attribute[2]!, value: attribute[3]! };
  }
}

/**
 * Edits start tags whole: `edit(tag, attributes)` returns the new attribute
 * string (leading space included) or undefined to keep the tag.
 */
export function rewriteStartTags(svg: string, edit: (tag: string, attributes: string) => string | undefined): string {
  return svg.replace(START_TAG, (whole, tag: string, attributes: string, end: string) => {
    const next = edit(tag, attributes);
    return next === undefined ? whole : `<${tag}${next}${end}>`;
  });
}
