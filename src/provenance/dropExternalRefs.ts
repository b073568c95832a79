import { rewriteAttributes } from './svgAttributes.js';

// `url(…)` in an attribute value, its target possibly quoted (as written, or
// as an entity: attribute values are escaped markup).
const URL_REFERENCE = /url\(\s*(?:'|"|&quot;|&#39;|&apos;)?\s*([^)]*?)\s*(?:'|"|&quot;|&#39;|&apos;)?\s*\)/gi;

/**
 * Every `url(…)` in an attribute that is not a reference inside the SVG
 * (`url(#id)`) becomes `none`. A spec's colour, or a CSV column drawn with
 * `"scale": null`, can say `url(https://tracker.example/p.svg#g)`: Vega
 * writes it as the fill as is, and a reader's browser could fetch it. The
 * PNG never could (sharp has no base to load from), so `none` is also what
 * it draws.
 */
export function dropExternalRefs(svg: string): string {
  return rewriteAttributes(svg, (_, __, value) => dropExternalRef(value));
}

/** dropExternalRefs for one attribute value: the new value, or undefined when it has no external `url(…)`. */
export function dropExternalRef(value: string): string | undefined {
  if (!/url\(/i.test(value)) return undefined;
  const next = value.replace(URL_REFERENCE, (whole, target: string) => (target.startsWith('#') ? whole : 'none'));
  return next === value ? undefined : next;
}
