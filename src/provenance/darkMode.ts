import { darkColor } from '../render/darkPalette.js';
import { attributeValues, rewriteAttributes } from './svgAttributes.js';

/** Attributes that hold a colour in Vega's and citechart's SVG. */
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color']);

/** The SVG with every colour swapped for its dark counterpart (`--theme dark`). */
export function applyDarkPalette(svg: string): string {
  return rewriteAttributes(svg, (_, name, value) => (COLOUR_ATTRIBUTES.has(name) ? darkColor(value) : undefined));
}

/**
 * A `<style>` that shows the chart in its dark palette when the reader's
 * page or system prefers a dark scheme, and changes nothing otherwise.
 * One rule per colour the SVG uses (`[fill="#444444"]`), so data colours
 * keep their hue; every selector starts at this chart's root id, so two
 * charts on one page never restyle each other. CSS beats presentation
 * attributes whatever its specificity, so no `!important` is needed.
 */
export function darkModeStyle(svg: string, rootId: string): string {
  const root = `#${cssIdent(rootId)}`;
  const rules = new Map<string, string>();
  for (const { name, value } of attributeValues(svg)) {
    if (!COLOUR_ATTRIBUTES.has(name)) continue;
    const dark = darkColor(value);
    const selector = `${root} [${name}="${cssString(value)}"]`;
    if (dark && dark !== value && !rules.has(selector)) rules.set(selector, `${name}:${dark}`);
  }
  if (!rules.size) return '';
  const body = [...rules].map(([selector, declaration]) => `${selector}{${declaration}}`).join('');
  return `<style>@media (prefers-color-scheme: dark){${body}}</style>`;
}

/** An id as a CSS identifier: anything but letters, digits, `-` and `_` escaped. */
const cssIdent = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
/** A value inside a double-quoted CSS string (colours are plain, but never trust). */
const cssString = (value: string) => value.replace(/["\\<&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
