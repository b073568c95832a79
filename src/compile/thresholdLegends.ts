import type { Spec as VegaSpec } from 'vega';

type Json = Record<string, unknown>;

/** The channels a Vega legend may take its scale from. */
const LEGEND_SCALES = ['fill', 'stroke', 'size', 'shape', 'opacity', 'strokeDash', 'strokeWidth'];

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
  const thresholds = new Set<string>();
  const legends: Json[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const object = node as Json;
    for (const scale of asArray(object.scales)) if (scale.type === 'threshold' && typeof scale.name === 'string') thresholds.add(scale.name);
    for (const legend of asArray(object.legends)) legends.push(legend);
    visit(object.marks);
  };
  visit(vega);
  for (const legend of legends) {
    if (!LEGEND_SCALES.some((channel) => thresholds.has(legend[channel] as string))) continue;
    const labels = ((legend.encode as Json | undefined)?.labels as Json | undefined)?.update as Json | undefined;
    if (legend.format !== undefined || labels?.text !== undefined) continue;
    legend.format = GROUPED;
  }
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? (value.filter((item) => item && typeof item === 'object') as Json[]) : [];
}
