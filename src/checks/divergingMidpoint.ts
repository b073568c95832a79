import type { Spec as VegaSpec } from 'vega';
import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import { encodedFields } from '../compile/encodedFields.js';
import { channelOfScale, fieldsOfScale } from '../compile/scaleFields.js';
import { colourCount } from '../compile/colourCount.js';
import { valueAt } from '../compile/valueAt.js';
import { collectGuides, type Json } from '../compile/vegaGuides.js';
import { isRecord } from '../isRecord.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { SceneNode } from '../render/sceneNode.js';
import { datumKey } from './drawnChecks.js';

/** Vega's diverging schemes (vega-scale palettes.js, the block of two-hue schemes with a light middle). */
const DIVERGING = new Set(['blueorange', 'brownbluegreen', 'purplegreen', 'purpleorange', 'redblue', 'redgrey', 'redyellowblue', 'redyellowgreen', 'pinkyellowgreen', 'spectral']);

const CLASSED = new Set(['quantize', 'quantile', 'threshold', 'bin-ordinal']);

/**
 * The `diverging-midpoint` error: a quantize, quantile, threshold or binned
 * colour scale in a diverging scheme (`redblue`, `blueorange`…) over figures on
 * both sides of 0 that draws a figure in the hue of the other side. A
 * diverging scheme says "below and above a middle" by its two hues;
 * quantize classes figures from −3 to 237 around 117, so +12 is drawn in
 * the red of −3 and a reader reads a rise as a fall. The middle is the
 * neutral class of an odd number of colours or the bound between the two
 * middle classes of an even number; a middle off 0 that no figure falls on
 * the wrong side of is left alone. The figures are the drawn marks' values of
 * the scale's field (read from the scene, after lookups and filters); the
 * classes are the scale's as Vega cuts them: a quantize domain's (its own
 * `domain`, else the figures' ends) equal parts, the figures' quantiles
 * (d3's R-7), a threshold scale's `domain`, a binned field's bins (read
 * from its legend, as they are made while drawing). A scheme with an `extent` (its
 * middle moved on purpose) is not judged, nor a range of the spec's own
 * colours. Error at the scheme in the spec.
 */
export function divergingMidpointErrors(json: JsonFile, vegaLite: Record<string, unknown>, vega: VegaSpec, scenegraph: unknown): Diagnostic[] {
  const fields = encodedFields(vegaLite, false);
  const config = (vega as Json).config as Json | undefined;
  const found: Diagnostic[] = [];
  for (const [name, scale] of collectGuides(vega).scales) {
    const range = scale.range;
    if (!CLASSED.has(String(scale.type)) || !isRecord(range) || range.extent !== undefined) continue;
    const scheme = typeof range.scheme === 'string' ? range.scheme.toLowerCase() : undefined;
    if (!scheme || !DIVERGING.has(scheme)) continue;
    const channel = channelOfScale(name);
    const field = fieldsOfScale(fields, name)[0];
    if (!field) continue;
    const figures = drawnValues(scenegraph, datumKey(field));
    if (!figures.length) continue;
    const low = figures.reduce((a, b) => Math.min(a, b));
    const high = figures.reduce((a, b) => Math.max(a, b));
    if (!(low < 0 && high > 0)) continue;
    // A binned field's classes are its bins, made while drawing: read from its legend's stepped bar.
    const binStarts = scale.type === 'bin-ordinal' ? legendClassStarts(scenegraph, name) : undefined;
    const colours = binStarts ? binStarts.length : scale.type === 'threshold' ? (Array.isArray(scale.domain) ? scale.domain.length + 1 : undefined) : colourCount(range, config);
    if (colours === undefined || colours < 2) continue;
    const bounds = binStarts ? binStarts.slice(1) : classBounds(String(scale.type), scale.domain, figures, low, high, colours);
    if (!bounds) continue;
    const wrong = wrongSide(figures, bounds, colours);
    if (wrong === undefined) continue;
    const middle = middleOf(bounds, colours);
    const defPath = field.jsonPath.slice(0, -1);
    const def = valueAt(vegaLite, defPath);
    const written = isRecord(def) && isRecord(def.scale) ? def.scale : undefined;
    const at: JSONPath = written?.scheme !== undefined ? [...defPath, 'scale', 'scheme'] : written ? [...defPath, 'scale'] : field.jsonPath;
    found.push({ ...json.diagnostic(at, messages.checks.divergingMidpoint(channel, scheme, shown(low), shown(high), middle, shown(wrong))), rule: 'diverging-midpoint' });
  }
  return found;
}

/** Every number the drawn marks hold at `key`, one per item; not a legend's or an axis' own entries (a column named `value` is their key too). */
function drawnValues(scenegraph: unknown, key: string): number[] {
  const values: number[] = [];
  const visit = (node: SceneNode | undefined) => {
    if (!node || typeof node !== 'object' || node.role === 'legend' || node.role === 'axis') return;
    const value = node.datum?.[key];
    if (typeof value === 'number' && Number.isFinite(value)) values.push(value);
    for (const child of node.items ?? []) visit(child);
  };
  visit(scenegraph as SceneNode);
  return values;
}

/**
 * Where each class of scale `name` starts, in order, from its legend's
 * stepped bar (the `legend-band` items Vega draws wider than 0); undefined
 * when no such legend is drawn (a symbol legend, or none).
 */
function legendClassStarts(scenegraph: unknown, name: string): number[] | undefined {
  let starts: number[] | undefined;
  const visit = (node: SceneNode | undefined, inLegend: boolean) => {
    if (!node || typeof node !== 'object' || starts) return;
    const scales = node.datum?.scales;
    const here = inLegend || (isRecord(scales) && Object.values(scales).includes(name));
    if (here && node.role === 'legend-band') {
      const bands = (node.items ?? []).map((item) => item.datum ?? {}).filter((d) => typeof d.value === 'number' && Number(d.perc2) > Number(d.perc));
      starts = bands.map((d) => d.value as number).sort((a, b) => a - b);
      return;
    }
    for (const child of node.items ?? []) visit(child, here);
  };
  visit(scenegraph as SceneNode, false);
  return starts?.length ? starts : undefined;
}

/** The bounds between the classes (colours − 1 of them), as Vega's scale cuts them; undefined when the spec's domain is not numbers. */
function classBounds(type: string, domain: unknown, figures: number[], low: number, high: number, colours: number): number[] | undefined {
  if (type === 'threshold') return Array.isArray(domain) && domain.every((d) => typeof d === 'number') ? (domain as number[]) : undefined;
  if (type === 'quantize') {
    const ends = Array.isArray(domain) ? domain : [low, high];
    if (ends.length < 2 || typeof ends[0] !== 'number' || typeof ends[ends.length - 1] !== 'number') return undefined;
    const [a, b] = [ends[0] as number, ends[ends.length - 1] as number];
    return Array.from({ length: colours - 1 }, (_, i) => a + ((i + 1) * (b - a)) / colours);
  }
  // quantile: d3-array's quantileSorted at i / colours.
  const sorted = figures.slice().sort((a, b) => a - b);
  return Array.from({ length: colours - 1 }, (_, i) => {
    const h = (sorted.length - 1) * ((i + 1) / colours);
    const j = Math.floor(h);
    return sorted[j]! + (sorted[Math.min(j + 1, sorted.length - 1)]! - sorted[j]!) * (h - j);
  });
}

/**
 * The first figure drawn in the hue of the other side of 0: a figure above 0
 * in a class below the scheme's middle, or one below 0 in a class above it.
 * A figure's class is the number of bounds at or below it (d3's bisectRight,
 * as quantize, quantile and threshold scales take it). Undefined when every
 * figure is on its own side (or in the neutral middle class).
 */
function wrongSide(figures: number[], bounds: number[], colours: number): number | undefined {
  const side = (x: number) => {
    const index = bounds.filter((b) => b <= x).length;
    return colours % 2 === 1 ? Math.sign(index - (colours - 1) / 2) : index < colours / 2 ? -1 : 1;
  };
  return figures.find((x) => (x > 0 && side(x) < 0) || (x < 0 && side(x) > 0));
}

/** Where the scheme's middle is: the neutral class of an odd number of colours, the bound between the two middle classes of an even number. */
function middleOf(bounds: number[], colours: number): { kind: 'meet'; at: string } | { kind: 'class'; from: string; to: string } {
  if (colours % 2 === 0) return { kind: 'meet', at: shown(bounds[colours / 2 - 1]!) };
  const m = (colours - 1) / 2;
  return { kind: 'class', from: shown(m > 0 ? bounds[m - 1]! : -Infinity), to: shown(m < bounds.length ? bounds[m]! : Infinity) };
}

function shown(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : value > 0 ? 'the top' : 'the bottom';
}
