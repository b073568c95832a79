import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import { encodedFields } from '../compile/encodedFields.js';
import { channelOfScale, fieldsOfScale } from '../compile/scaleFields.js';
import { valueAt } from '../compile/valueAt.js';
import { isRecord } from '../isRecord.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { Spec as VegaSpec } from 'vega';
import { collectGuides, type Json } from '../compile/vegaGuides.js';
import { colourCount } from '../compile/colourCount.js';
import { repeatedClassLabels } from './repeatedClassLabels.js';

/**
 * The `legend-classes` error for each legend of the drawn chart whose
 * classes a reader cannot tell apart (repeatedClassLabels): a quantile
 * legend with fewer classes than colours (tied figures) at the scale's
 * `type`; two bounds written alike at the legend's `format` when the spec
 * writes one, else at the channel's field. `vega` is the compiled spec,
 * for the quantile scales' colour counts.
 */
export function classLabelErrors(json: JsonFile, vegaLite: Record<string, unknown>, vega: VegaSpec, scenegraph: unknown): Diagnostic[] {
  const fields = encodedFields(vegaLite, false);
  const found: Diagnostic[] = [];
  for (const repeat of repeatedClassLabels(scenegraph, quantileColours(vega))) {
    const channel = channelOfScale(repeat.scale);
    const chosen = fieldsOfScale(fields, repeat.scale)[0];
    const defPath = chosen?.jsonPath.slice(0, -1) ?? [];
    const def = valueAt(vegaLite, defPath);
    const legend = isRecord(def) && isRecord(def.legend) ? def.legend : undefined;
    const scale = isRecord(def) && isRecord(def.scale) ? def.scale : undefined;
    const tied = repeat.kind === 'tied';
    const at: JSONPath = tied
      ? scale?.type !== undefined ? [...defPath, 'scale', 'type'] : (chosen?.jsonPath ?? [])
      : typeof legend?.format === 'string' ? [...defPath, 'legend', 'format'] : (chosen?.jsonPath ?? []);
    const message = repeat.kind === 'tied'
      ? messages.checks.tiedQuantiles(channel, repeat.colours, repeat.classes)
      : messages.checks.repeatedClassLabel(channel, repeat.text, shown(repeat.first), shown(repeat.second), typeof legend?.format === 'string');
    found.push({ ...json.diagnostic(at, message), rule: 'legend-classes' });
  }
  return found;
}

/** Each quantile scale's number of colours, when the compiled spec says it. */
function quantileColours(vega: VegaSpec): Map<string, number> {
  const config = (vega as Json).config as Json | undefined;
  const counts = new Map<string, number>();
  for (const [name, scale] of collectGuides(vega).scales) {
    const count = scale.type === 'quantile' ? colourCount(scale.range, config) : undefined;
    if (count !== undefined) counts.set(name, count);
  }
  return counts;
}

/** A bound as a message shows it: six significant digits at most (a quantize bound of 0.4 is 0.39999999999999997 in binary). */
function shown(value: number): string {
  return String(Number(value.toPrecision(6)));
}
