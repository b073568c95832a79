// What build checks before an SVG or HTML file it drew is staged: that the
// text ends by closing the element it opens with. verify/checkComplete.ts
// parses a whole file instead (a file someone hands `verify` may be cut
// anywhere); here the text is citechart's own, in memory, and the bytes
// written are read back and compared with it (writeAtomic.ts), so what is
// left to catch is a drawing cut short by a bug, and a cut-short drawing
// cannot end with its root's closing tag. Parsing every file again cost
// about 5 % of a 200-chart build's CPU (bench/RESULTS.md, issue 15).

/** A name at a tag's start: `<svg`, `<figure`, `<html` (HTML names are case-free). */
const FIRST_TAG = /<([A-Za-z][A-Za-z0-9:-]*)/y;

/**
 * Whether `markup` (the text of an SVG or HTML file) starts with an element
 * and ends, but for white space, with that element's closing tag: `<svg …>`
 * … `</svg>`, `<figure …>` … `</figure>`, `<!doctype html><html>` …
 * `</html>`. An XML declaration, doctype or comments before the first tag are
 * skipped; an empty root (`<svg/>`) is whole too. For an SVG the first element must be `svg`. Does not parse what is
 * in between: see the module comment for why that is enough here.
 */
export function isClosedMarkup(markup: string, kind: 'svg' | 'html'): boolean {
  let at = 0;
  // Skip white space, `<?xml …?>`, `<!doctype …>` and `<!-- … -->` before the root.
  for (;;) {
    while (at < markup.length && /\s/.test(markup[at]!)) at += 1;
    if (markup.startsWith('<!--', at)) {
      const end = markup.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else if (markup.startsWith('<?', at) || markup.startsWith('<!', at)) {
      const end = markup.indexOf('>', at + 2);
      if (end < 0) return false;
      at = end + 1;
    } else break;
  }
  FIRST_TAG.lastIndex = at;
  const name = FIRST_TAG.exec(markup)?.[1];
  if (!name || (kind === 'svg' && name !== 'svg')) return false;
  const closing = `</${name}>`;
  const text = markup.trimEnd();
  // A root with nothing in it: `<svg/>`.
  if (text.endsWith('/>') && markup.indexOf('>', at) === text.length - 1) return true;
  if (text.length < at + closing.length + 1) return false;
  const tail = text.slice(-closing.length);
  return kind === 'svg' ? tail === closing : tail.toLowerCase() === closing.toLowerCase();
}
