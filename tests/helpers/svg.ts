// Reading citechart's SVG output in tests: size, footer text, the JSON-LD in
// <metadata>, and a small XML well-formedness check (no XML library is a
// dependency, and a regex "contains" check cannot see broken nesting).

/**
 * The graphic's size in px: its viewBox (the published SVG is responsive,
 * `width="100%"` with no height, so the viewBox is its only size).
 */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const box = /\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(root);
  return { width: Number(box?.[1]), height: Number(box?.[2]) };
}

/** The root `<svg …>` start tag's attributes. */
export function rootAttributes(svg: string): Record<string, string> {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return Object.fromEntries([...root.matchAll(/\s([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]));
}

/** The five predefined XML entities and numeric references, decoded. */
export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref[0] !== '#') return named[ref.toLowerCase()]!;
    return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });
}

/** The text content of the first `<tag …>…</tag>` element, entities decoded. */
export function elementText(svg: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(svg);
  return match ? decodeXml(match[1]!) : undefined;
}

/** The JSON-LD provenance in `<metadata>`, parsed. */
export function svgJsonLd(svg: string): Record<string, any> {
  const text = elementText(svg, 'metadata');
  if (text === undefined) throw new Error('no <metadata> element');
  return JSON.parse(text);
}

/**
 * The footer's lines as a reader sees them (tags dropped, entities decoded),
 * from the `<g class="citechart-footer">` group.
 */
export function footerLines(svg: string): string[] {
  const group = /<g class="citechart-footer"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1];
  if (group === undefined) throw new Error('no citechart-footer group');
  return [...group.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => decodeXml(m[1]!.replace(/<[^>]*>/g, '')));
}

/** The footer as one string: wrapped lines joined by single spaces. */
export const footerText = (svg: string) => footerLines(svg).join(' ');

/** Characters XML 1.0 forbids anywhere in a document. */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Returns undefined when `xml` is a well-formed XML document, else the first
 * problem found: forbidden characters, a stray `<` or `&`, unquoted or
 * repeated attributes, mismatched or unclosed tags, more than one root.
 * Enough of XML 1.0 for generated SVG (no DTD internal subsets).
 */
export function xmlProblem(xml: string): string | undefined {
  const bad = XML_FORBIDDEN.exec(xml);
  if (bad) return `forbidden character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}`;
  const name = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const entity = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/y;
  const checkText = (text: string, at: number): string | undefined => {
    for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
      entity.lastIndex = i;
      if (!entity.test(text)) return `bare "&" at ${at + i}`;
    }
    if (text.includes('<')) return `stray "<" at ${at + text.indexOf('<')}`;
    return undefined;
  };
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const prolog = /^\uFEFF?(<\?xml[^?]*\?>)?\s*(<!DOCTYPE[^>[]*>\s*)?/.exec(xml)!;
  i = prolog[0].length;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (!stack.length && text.trim()) return `text outside the root element at ${i}`;
    const problem = checkText(text, i);
    if (problem) return problem;
    if (lt === -1) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) return `unclosed comment at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      if (!stack.length) return `CDATA outside the root element at ${i}`;
      const end = xml.indexOf(']]>', i);
      if (end === -1) return `unclosed CDATA at ${i}`;
      i = end + 3;
    } else if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end === -1) return `unclosed processing instruction at ${i}`;
      i = end + 2;
    } else if (xml.startsWith('</', i)) {
      const close = new RegExp(`</(${name})\\s*>`, 'y');
      close.lastIndex = i;
      const m = close.exec(xml);
      if (!m) return `malformed end tag at ${i}`;
      const open = stack.pop();
      if (open !== m[1]) return `</${m[1]}> at ${i} closes <${open ?? 'nothing'}>`;
      i = close.lastIndex;
    } else {
      const open = new RegExp(`<(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, 'y');
      open.lastIndex = i;
      const m = open.exec(xml);
      if (!m) return `malformed start tag at ${i}: ${JSON.stringify(xml.slice(i, i + 60))}`;
      const seen = new Set<string>();
      for (const a of m[2]!.matchAll(new RegExp(`(${name})\\s*=\\s*("([^"]*)"|'([^']*)')`, 'g'))) {
        if (seen.has(a[1]!)) return `attribute ${a[1]} repeated at ${i}`;
        seen.add(a[1]!);
        const value = a[3] ?? a[4]!;
        const problem = checkText(value, i);
        if (problem) return `in attribute ${a[1]}: ${problem}`;
      }
      if (!stack.length && ++roots > 1) return `second root element at ${i}`;
      if (!m[3]) stack.push(m[1]!);
      i = open.lastIndex;
    }
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  if (!roots) return 'no root element';
  return undefined;
}
