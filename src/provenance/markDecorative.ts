import { rewriteStartTags } from './svgAttributes.js';

// Vega classes of marks that only decorate: axis domain lines, ticks and
// grid, and the background and foreground paths of group marks.
const DECORATIVE = /(?:^|\s)(?:role-axis-domain|role-axis-tick|role-axis-grid|background|foreground)(?:\s|$)/;

/**
 * Hides Vega's decorative parts from screen readers and drops Vega's inner
 * ARIA roles, labels and role descriptions: the published SVG is one
 * `role="img"` named and described by its own `<title>` and `<desc>` in the
 * chart's language, whose children are presentational (WAI-ARIA 1.2, role
 * "img"), so they are never read there; and a CMS sanitiser that strips
 * `role` (DOMPurify's SVG profile) would expose them. Vega-Lite writes them
 * in English and from field names ("Title text '…'", "used for: …",
 * "properties.longitude: …", "text mark"), in a French graphic too (a
 * Reuters/FT review, 2026). Vega-Lite's own `"aria": false` leaves the
 * title's label and the mark containers' role descriptions, hence this.
 */
export function markDecorative(vegaInner: string): string {
  let first = true;
  return rewriteStartTags(vegaInner, (tag, attributes) => {
    // Vega's own background: the first element, a class-less rect.
    const background = first && tag === 'rect' && !/\sclass="/.test(attributes);
    first = false;
    const className = /\sclass="([^"]*)"/.exec(attributes)?.[1] ?? '';
    let next = attributes.replace(/\s(?:role|aria-label|aria-roledescription)="[^"]*"/g, '');
    if ((background || DECORATIVE.test(className)) && !/\saria-hidden="/.test(next)) next += ' aria-hidden="true"';
    return next === attributes ? undefined : next;
  });
}
