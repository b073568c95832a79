import type { Spec as VegaSpec, View } from 'vega';

/** A colour scale of discrete categories: how many categories it has and how many colours its palette. */
export interface PaletteSize {
  /** The Vega scale's name (`color`, or `fill`/`stroke` in Vega-Lite's output). */
  scale: string;
  categories: number;
  colours: number;
}

/**
 * The top-level ordinal colour scales whose palette has fewer colours than
 * the scale has categories: Vega then repeats colours from the start (the
 * house theme's 6), so two categories look alike. Read from the running
 * view, after the data flowed, so the counts are the drawn ones.
 */
export function repeatedPalettes(view: View, vega: VegaSpec): PaletteSize[] {
  const repeated: PaletteSize[] = [];
  for (const spec of vega.scales ?? []) {
    if (spec.type !== 'ordinal' || !['color', 'fill', 'stroke'].includes(spec.name)) continue;
    const scale = view.scale(spec.name) as unknown as { domain(): unknown[]; range(): unknown[] } | undefined;
    if (!scale) continue;
    const categories = scale.domain().length;
    const colours = scale.range().length;
    if (colours > 0 && categories > colours) repeated.push({ scale: spec.name, categories, colours });
  }
  return repeated;
}
