/**
 * Renames every id in an SVG to `PREFIX-N` (numbered in order of appearance)
 * and rewrites the `url(#…)` and `href="#…"` references to match. Vega numbers
 * clip paths and gradients with process-wide counters, so without this two
 * charts inlined in one page could share `clip1`, and the same chart built
 * twice in one process would not be byte-identical.
 */
export function prefixIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    const id = match[1]!;
    if (!id.startsWith(`${prefix}-`) && !renamed.has(id)) renamed.set(id, `${prefix}-${renamed.size + 1}`);
  }
  if (!renamed.size) return svg;
  const rename = (id: string) => renamed.get(id) ?? id;
  return svg
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
    .replace(/(href=")#([^"]+)"/g, (_, head: string, id: string) => `${head}#${rename(id)}"`);
}

/** An id-safe version of a chart name: `cc-` plus letters, digits, `-` and `_`. */
export function idPrefix(name: string): string {
  return `cc-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
