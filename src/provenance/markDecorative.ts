import { rewriteStartTags } from './svgAttributes.js';

// Vega classes of marks that only decorate: axis domain lines, ticks and
// grid, and the background and foreground paths of group marks.
const DECORATIVE = /(?:^|\s)(?:role-axis-domain|role-axis-tick|role-axis-grid|background|foreground)(?:\s|$)/;

/**
 * Hides Vega's decorative parts from screen readers and drops Vega's inner
 * ARIA roles: the published SVG is one `role="img"`, whose children are
 * presentational anyway, and CMS sanitisers (DOMPurify's SVG profile) strip
 * `role` attributes, so keeping them would only make the sanitised file differ.
 */
export function markDecorative(vegaInner: string): string {
  let first = true;
  return rewriteStartTags(vegaInner, (tag, attributes) => {
    // Vega's own background: the first element, a class-less rect.
    const background = first && tag === 'rect' && !/\sclass="/.test(attributes);
    first = false;
    const className = /\sclass="([^"]*)"/.exec(attributes)?.[1] ?? '';
    let next = attributes.replace(/\srole="[^"]*"/, '');
    if ((background || DECORATIVE.test(className)) && !/\saria-hidden="/.test(next)) next += ' aria-hidden="true"';
    return next === attributes ? undefined : next;
  });
}
