import type { Json } from './vegaGuides.js';

/** Vega's colour count for a scheme-coloured quantize or quantile scale without a `count` (vega-encode Scale.js DEFAULT_COUNT). */
const SCHEME_COUNT = 5;

/**
 * How many colours a compiled scale's `range` holds: an array's length, a
 * scheme's `count` (else Vega's 5), a named range (`heatmap`, `ramp`) as
 * the config or Vega's defaults (schemes) give it. Undefined for a signal.
 */
export function colourCount(range: unknown, config: Json | undefined): number | undefined {
  if (typeof range === 'string') {
    const named = (config?.range as Json | undefined)?.[range];
    return named === undefined ? SCHEME_COUNT : colourCount(named, undefined);
  }
  if (Array.isArray(range)) return range.length;
  if (typeof range !== 'object' || range === null || 'signal' in range) return undefined;
  const { scheme, count } = range as Json;
  if (scheme === undefined) return undefined;
  if (count === undefined) return SCHEME_COUNT;
  return typeof count === 'number' && Number.isInteger(count) && count > 0 ? count : undefined;
}

