import { createHash } from 'node:crypto';

// Attributes that hold an id or a reference to one. Only these are
// rewritten, so text that happens to read `url(#clip1)` stays as it is.
const ID_ATTRIBUTES = /(\s(?:id|clip-path|fill|stroke|mask|filter|marker-start|marker-mid|marker-end|href|xlink:href|aria-labelledby|aria-describedby)=")([^"]*)"/g;

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
  return svg.replace(ID_ATTRIBUTES, (_, head: string, value: string) => {
    const name = head.trim().slice(0, -2);
    const rewritten =
      name === 'id'
        ? rename(value)
        : name === 'href' || name === 'xlink:href'
          ? value.replace(/^#(.+)$/, (__, id: string) => `#${rename(id)}`)
          : name.startsWith('aria-')
            ? value
            : value.replace(/url\(#([^)]+)\)/g, (__, id: string) => `url(#${rename(id)})`);
    return `${head}${rewritten}"`;
  });
}

/**
 * An id-safe prefix for a chart: `cc-` and the name when it is already
 * id-safe; otherwise the name's safe characters plus a short hash of the
 * name, so `my chart` and `my-chart` (or two Chinese names) never share ids.
 */
export function idPrefix(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '-');
  if (safe === name) return `cc-${name}`;
  return `cc-${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}
