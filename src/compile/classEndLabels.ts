import type { Spec as VegaSpec } from 'vega';
import { collectGuides, LEGEND_SCALES, type Json } from './vegaGuides.js';
import { colourCount } from './colourCount.js';

/**
 * Writes the two ends of every data-driven `quantize` colour legend (the
 * lowest and highest figure) and of every binned field's (`"bin": true`, a
 * `bin-ordinal` scale: the first bin's start, the last one's end), in
 * place, so each class reads "from – to" and a reader can tell which colour
 * a given figure gets.
 *
 * Vega draws such a legend as a stepped bar (its "discrete" gradient)
 * labelled only at the inner bounds (vega-scale labels.js: the values are
 * [-Infinity, ...thresholds], the first label null), so a map coloured from
 * −3 to 237 shows 45 … 189 and nothing says where the first class starts or
 * the last one ends. The legend is given `values` (a signal, the domain
 * being known only once the data flows) of
 *   [low, low, threshold 1, …, threshold n−1, high]:
 * the first entry is Vega's unlabelled one (drawn 0 wide at the low end),
 * the second labels the low end, the last labels the high end (drawn 0 wide
 * at the top). Each threshold is read back from the scale
 * (`invert(scale, colour i)[0]`, d3's invertExtent), so the value a class
 * starts at takes that class's colour exactly, and Vega formats every label
 * as it does the thresholds (its locale, the legend's `format`). A binned
 * field's legend is given its bins the same way, the first twice: Vega
 * labelled every bin's start but not the last one's end.
 *
 * Left alone: a scale with its own `domain` (a figure beyond it takes an end
 * colour, so its ends are not the figures' ends: Vega's open-ended legend is
 * the true one), a legend that is not Vega's stepped bar (a `type`, or more
 * than one scale), a legend with its own `values` or label text
 * (`labelExpr`), and a scale whose number of colours is not known before
 * drawing (a range given by a signal). A `quantile` legend too: Vega spaces
 * its bounds by value, not one step a class, so its first and last classes
 * (the long tails) are often a few pixels wide, and an end label there makes
 * Vega's overlap removal hide the inner bounds (a skewed heat map lost two
 * of its four).
 */
export function labelClassEnds(vega: VegaSpec): void {
  const { scales, legends } = collectGuides(vega);
  const config = (vega as Json).config as Json | undefined;
  for (const legend of legends) {
    if (legend.type !== undefined || legend.values !== undefined) continue;
    const channels = LEGEND_SCALES.filter((channel) => legend[channel] !== undefined);
    if (channels.length !== 1 || (channels[0] !== 'fill' && channels[0] !== 'stroke')) continue;
    const name = legend[channels[0]];
    const scale = typeof name === 'string' ? scales.get(name) : undefined;
    if (!scale) continue;
    const labels = ((legend.encode as Json | undefined)?.labels as Json | undefined)?.update as Json | undefined;
    if (labels?.text !== undefined) continue;
    const values = scale.type === 'quantize' && isDataDomain(scale) ? quantizeValues(name as string, colourCount(scale.range, config))
      : scale.type === 'bin-ordinal' ? binValues(name as string, scale)
      : undefined;
    if (values === undefined) continue;
    legend.values = { signal: values };
    if (isHorizontal(legend, config)) setOutwardEnds(legend);
  }
}

/** Vega-Lite writes `direction: "horizontal"` on a legend above or below the plot; else the config's gradient direction (vertical by default). */
function isHorizontal(legend: Json, config: Json | undefined): boolean {
  const direction = legend.direction ?? ((config?.legend as Json | undefined)?.gradientDirection);
  return direction === 'horizontal';
}

/**
 * On a horizontal bar the end labels are written outside it, the low one
 * ending where the bar starts, the high one starting where it ends: inside
 * they would sit half a label nearer the first and last bounds than those
 * sit to each other, and Vega's overlap removal would then hide every other
 * bound (five classes of four-digit figures on Vega's 200 px bar do).
 * Index 1 is the low end (index 0 is Vega's unlabelled entry).
 */
function setOutwardEnds(legend: Json): void {
  const encode = (legend.encode ??= {}) as Json;
  const labels = (encode.labels ??= {}) as Json;
  const update = (labels.update ??= {}) as Json;
  update.align = { signal: `datum.index === 1 ? 'right' : datum.perc >= 1 ? 'left' : 'center'` };
}

/** A domain drawn from the data (Vega-Lite's `{data, field}` or `{fields}`), not written in the spec. */
function isDataDomain(scale: Json): boolean {
  const domain = scale.domain;
  return typeof domain === 'object' && domain !== null && !Array.isArray(domain) && !('signal' in domain) && scale.domainRaw === undefined;
}

/**
 * Bin edges up to which a binned legend gets its ends: Vega's expressions
 * cannot join two arrays, so the values are one literal list of the edges
 * this long, cut to the bins there are. Vega-Lite's colour bins are about
 * 6; a legend of more than 30 classes cannot be read by colour anyway and
 * keeps Vega's labels.
 */
const BIN_EDGES = 31;

/**
 * A binned field's bin-ordinal legend (Vega-Lite's `"bin": true` on a
 * colour): its bins, which are the scale's domain when it has none of its
 * own (vega-encode Scale.js configureBins), the first twice. Undefined when
 * the scale has its own `domain` (the author wrote the bounds) or no bins
 * from a bin transform.
 */
function binValues(name: string, scale: Json): string | undefined {
  const bins = scale.bins;
  if (scale.domain !== undefined || typeof bins !== 'object' || bins === null || typeof (bins as Json).signal !== 'string') return undefined;
  const edges = `domain(${JSON.stringify(name)})`;
  const listed = [`${edges}[0]`, ...Array.from({ length: BIN_EDGES }, (_, i) => `${edges}[${i}]`)];
  return `length(${edges}) <= ${BIN_EDGES} ? slice([${listed.join(', ')}], 0, length(${edges}) + 1) : ${edges}`;
}

/** The `values` expression of a quantize legend: low twice (Vega leaves the first unlabelled), each threshold, high. */
function quantizeValues(scale: string, count: number | undefined): string | undefined {
  if (count === undefined) return undefined;
  const name = JSON.stringify(scale);
  const thresholds: string[] = [];
  for (let i = 1; i < count; i += 1) thresholds.push(`invert(${name}, range(${name})[${i}])[0]`);
  const low = `domain(${name})[0]`;
  return `[${[low, low, ...thresholds, `peek(domain(${name}))`].join(', ')}]`;
}
