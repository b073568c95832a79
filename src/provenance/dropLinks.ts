/**
 * Unwraps Vega's links (`<a xlink:href="https://…">` around the marks of an
 * `href` encoding), keeping what they hold: a published graphic reaches
 * nothing outside itself, and CMSs differ in what they let a link in an
 * inline SVG do. Returns the SVG and whether it had links, so the author can
 * be told. Text content never holds a bare `<`, so only real tags match.
 */
export function dropLinks(svg: string): { svg: string; dropped: boolean } {
  const out = svg.replace(/<a\b(?:\s+[\w:.-]+="[^"]*")*\s*>|<\/a>/g, '');
  return { svg: out, dropped: out !== svg };
}
