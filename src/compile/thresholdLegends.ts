import type { Spec as VegaSpec } from 'vega';
import { collectGuides, LEGEND_SCALES, type Json } from './vegaGuides.js';

/** d3-format's "," specifier: grouped thousands, the locale's decimal mark, every significant digit up to 12. */
const GROUPED = ',';

/**
 * Gives the legend of every `threshold` scale of a compiled spec (in place)
 * a number format, so its class bounds are written in the chart's locale
 * ("1 000", "2,5" in French) like an axis' labels. Vega formats a quantize
 * or quantile legend with its locale (vega-scale's thresholdFormat), but a
 * threshold scale has no tickFormat, so without a `format` Vega writes its
 * bounds with String(): "1000" in every language (vega-scale `tickFormat`,
 * `defaultFormatter`). A legend the spec formats itself (`format`, or
 * `labelExpr`, compiled to its labels' `text`) is left alone.
 */
export function formatThresholdLegends(vega: VegaSpec): void {
  const { scaleTypes, legends } = collectGuides(vega);
  for (const legend of legends) {
    if (!LEGEND_SCALES.some((channel) => scaleTypes.get(legend[channel] as string) === 'threshold')) continue;
    const labels = ((legend.encode as Json | undefined)?.labels as Json | undefined)?.update as Json | undefined;
    if (legend.format !== undefined || labels?.text !== undefined) continue;
    legend.format = GROUPED;
  }
}
