import { darkColor } from '../render/darkPalette.js';
import { namedStyle } from '../compile/namedStyles.js';
import { attributeValues, rewriteAttributes } from './svgAttributes.js';

/** Attributes that hold a colour in Vega's and citechart's SVG. */
const COLOUR_ATTRIBUTES = new Set(['fill', 'stroke', 'stop-color']);

/** The style name a theme (or a spec's `config`) sets the dark scheme's background with. */
export const DARK_STYLE_NAME = 'citechart-dark';

/**
 * The dark scheme's background from `config.style["citechart-dark"].fill`
 * (or `color`; the spec's over the theme's), e.g. `"transparent"` so a dark
 * page shows through; undefined for the dark paper the palette maps white to.
 */
export function readDarkBackground(theme: Record<string, unknown> | undefined, specConfig: Record<string, unknown> | undefined): string | undefined {
  for (const config of [specConfig, theme]) {
    const style = namedStyle(config, DARK_STYLE_NAME);
    const colour = typeof style.fill === 'string' ? style.fill : typeof style.color === 'string' ? style.color : undefined;
    if (colour !== undefined) return colour;
  }
  return undefined;
}

/** The SVG with every colour swapped for its dark counterpart (`--theme dark`). */
export function applyDarkPalette(svg: string, background?: string): string {
  const dark = rewriteAttributes(svg, (_, name, value) => (COLOUR_ATTRIBUTES.has(name) ? darkColor(value) : undefined));
  if (background === undefined) return dark;
  const fill = (_: string, start: string) => `${start}${cssValue(background)}"`;
  // citechart's background and Vega's own (the chart group's first rect).
  return dark
    .replace(/(<rect class="citechart-background"[^>]*? fill=")[^"]*"/, fill)
    .replace(/(<g class="citechart-chart"><rect [^>]*?fill=")[^"]*"/, fill);
}

/** The class on an ancestor (e.g. `<html class="cc-dark">`) that turns every darkMode "auto" chart dark, whatever the device prefers. */
export const DARK_CLASS = 'cc-dark';
/** The class on an ancestor that keeps such charts light even on a device that prefers dark. */
export const LIGHT_CLASS = 'cc-light';

/**
 * A `<style>` that shows the chart in its dark palette when the reader's
 * device prefers a dark scheme, or when the page puts the class `cc-dark`
 * on an ancestor (a site's own dark-mode switch); `cc-light` on an ancestor
 * keeps it light on a dark device. Changes nothing otherwise.
 * One rule per colour the SVG uses (`[fill="#444444"]`), so data colours
 * keep their hue; every selector starts at this chart's root id, so two
 * charts on one page never restyle each other. CSS beats presentation
 * attributes whatever its specificity, so no `!important` is needed.
 * `background`: the dark background's colour (`transparent` lets a dark
 * page show through); undefined for the mapped paper colour.
 */
export function darkModeStyle(svg: string, rootId: string, background?: string): string {
  const root = `#${cssIdent(rootId)}`;
  const dark = new Map<string, string>();
  const light = new Map<string, string>();
  for (const { name, value } of attributeValues(svg)) {
    if (!COLOUR_ATTRIBUTES.has(name)) continue;
    const darker = darkColor(value);
    const selector = `[${name}="${cssString(value)}"]`;
    if (darker && darker !== value && !dark.has(selector)) {
      dark.set(selector, `${name}:${darker}`);
      light.set(selector, `${name}:${value}`);
    }
  }
  if (!dark.size) return '';
  // The background rule (citechart's and Vega's own rect) is more specific than the attribute rules, so it wins.
  const backdrop = background === undefined ? undefined : `fill:${cssValue(background)}`;
  const rules = (prefix: string, declarations: Map<string, string>, back?: string) =>
    [...declarations].map(([selector, declaration]) => `${prefix}${root} ${selector}{${declaration}}`).join('') +
    (back ? `${prefix}${root} :is(rect.citechart-background,.citechart-chart>rect){${back}}` : '');
  const lightBackdrop = backdrop && backgroundOf(svg);
  return (
    `<style>@media (prefers-color-scheme: dark){${rules('', dark, backdrop)}${rules(`.${LIGHT_CLASS} `, light, lightBackdrop && `fill:${cssValue(lightBackdrop)}`)}}` +
    `${rules(`.${DARK_CLASS} `, dark, backdrop)}</style>`
  );
}

/** The light background's fill, as composeSvg drew it. */
function backgroundOf(svg: string): string | undefined {
  return /<rect class="citechart-background"[^>]*? fill="([^"]*)"/.exec(svg)?.[1];
}

/** A colour as a CSS value: only what a colour can hold (`#`, letters, digits, `(`, `)`, `,`, `.`, `%`, spaces). */
const cssValue = (value: string) => value.replace(/[^#A-Za-z0-9(),.% -]/g, '');

/** An id as a CSS identifier: anything but letters, digits, `-` and `_` escaped. */
const cssIdent = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`);
/** A value inside a double-quoted CSS string (colours are plain, but never trust). */
const cssString = (value: string) => value.replace(/["\\<&]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
