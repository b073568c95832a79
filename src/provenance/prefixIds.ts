import { createHash } from 'node:crypto';
import { attributeValues, rewriteAttributes } from './svgAttributes.js';

// Attributes that may hold `url(#…)`: paint servers, clips, masks, filters, markers.
const URL_ATTRIBUTES = new Set(['clip-path', 'fill', 'stroke', 'mask', 'filter', 'marker-start', 'marker-mid', 'marker-end', 'style']);
const HREF_ATTRIBUTES = new Set(['href', 'xlink:href']);
// The start tags this pass may change: an id, an href, or a `url(` that `first` (dropExternalRef: any case) or the
// renaming may rewrite. Others (most of a chart's paths) are kept whole without looking at each attribute.
const HAS_ID = /\sid="/;
const MAY_CHANGE = /\sid="|href="|url\(/i;

/**
 * Renames every id in an SVG to `PREFIX-N` (numbered in order of appearance)
 * and rewrites the `url(#…)` and `href="#…"` references to match. Vega numbers
 * clip paths and gradients with process-wide counters, so without this two
 * charts inlined in one page could share `clip1`, and the same chart built
 * twice in one process would not be byte-identical. Ids already under the
 * prefix (title, desc…) are kept. Only attributes of start tags are read:
 * text content is never rewritten. `first`, when given, rewrites each
 * attribute value before (undefined keeps it), as a pass of its own before
 * this one would, in the same pass over the SVG (composeSvg drops external
 * `url(…)` references so: one pass fewer per published SVG, issue 15).
 */
export function prefixIds(svg: string, prefix: string, first?: (value: string) => string | undefined): string {
  const renamed = new Map<string, string>();
  for (const { name, value: asIs } of attributeValues(svg, HAS_ID)) {
    if (name !== 'id') continue;
    const value = (first && first(asIs)) ?? asIs;
    if (!value.startsWith(`${prefix}-`) && !renamed.has(value)) renamed.set(value, `${prefix}-${renamed.size + 1}`);
  }
  if (!renamed.size && !first) return svg;
  const rename = (id: string) => renamed.get(id) ?? id;
  return rewriteAttributes(svg, (_, name, asIs) => {
    const cleaned = first?.(asIs);
    const value = cleaned ?? asIs;
    if (!renamed.size) return cleaned;
    if (name === 'id') return rename(value);
    if (HREF_ATTRIBUTES.has(name)) return value.replace(/^#(.+)$/, (__, id: string) => `#${rename(id)}`);
    if (URL_ATTRIBUTES.has(name)) return value.replace(/url\(\s*['"]?#([^)'"]+)['"]?\s*\)/g, (__, id: string) => `url(#${rename(id)})`);
    return cleaned;
  }, MAY_CHANGE);
}

/**
 * An id-safe prefix for a chart: `cc-` and the name when it is already
 * id-safe; otherwise the name's safe characters plus a short hash of the
 * name, so `my chart` and `my-chart` (or two Chinese names) never share ids.
 * Every id in a chart is this prefix, `-` and a suffix without `-`, so no
 * chart's ids can collide with another chart's, whatever their names.
 */
export function idPrefix(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9_-]/g, '-');
  if (safe === name) return `cc-${name}`;
  return `cc-${safe}-${createHash('sha256').update(name).digest('hex').slice(0, 6)}`;
}

/**
 * The prefix of one artboard of a chart: `cc-NAME.w320`. A chart prefix never
 * holds a `.`, so an artboard's ids cannot collide with any chart's own ids
 * (a chart named `NAME-w320` has `cc-NAME-w320`).
 */
export const artboardPrefix = (name: string, width: number) => `${idPrefix(name)}.w${width}`;
