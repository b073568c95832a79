import { color, hcl, rgb } from 'd3';
import { contrast } from './wcagContrast.js';

// One colour mapping for both dark modes (`--theme dark` rewrites the SVG's
// colours with it; `darkMode: "auto"` puts the same mapping in a
// prefers-color-scheme style), so a dark page shows the same picture either way.
//
// Greys are the chart's furniture (background, text, axes, grid, footer):
// their lightness is mirrored, white paper becoming near-black and dark ink
// light. Colours with a hue are data: their hue and chroma are kept and they
// are only lightened as far as needed to stand out on the dark background.

/** Below this chroma (CIE HCL) a colour reads as grey. */
const NEUTRAL_CHROMA = 12;
/** The lightness white maps to: the dark background (about #1b1b1b). */
const DARK_PAPER = 10;
/** WCAG's contrast for graphical objects. */
const MIN_CONTRAST = 3;

const cache = new Map<string, string | undefined>();

/** The dark-scheme counterpart of a CSS colour; undefined for what is no colour (`none`, `url(#…)`). */
export function darkColor(value: string): string | undefined {
  // A chart repeats a few colours on hundreds of elements.
  if (!cache.has(value)) cache.set(value, computeDarkColor(value));
  return cache.get(value);
}

function computeDarkColor(value: string): string | undefined {
  const parsed = color(value.trim());
  if (!parsed) return undefined;
  const { h, c, l, opacity } = hcl(parsed);
  if (!(c >= NEUTRAL_CHROMA)) return format(hcl(h, c, DARK_PAPER + (100 - l) * ((100 - DARK_PAPER - 2) / 100), opacity));
  let lightness = l;
  while (contrast(hcl(h, c, lightness), paper()) < MIN_CONTRAST && lightness < 100) lightness += 2;
  return format(hcl(h, c, Math.min(lightness, 100), opacity));
}

/** The dark background, for tests and the renderers. */
export const paper = () => hcl(NaN, 0, DARK_PAPER);

function format(value: ReturnType<typeof hcl>): string {
  const out = rgb(value).clamp();
  return out.opacity < 1 ? out.formatRgb() : out.formatHex();
}
