import type { JSONPath } from 'jsonc-parser';
import type { JsonFile } from '../compile/readJsonFile.js';
import { encodedFields } from '../compile/encodedFields.js';
import { valueAt } from '../compile/valueAt.js';
import { isRecord } from '../isRecord.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { repeatedTickLabels } from './repeatedTickLabels.js';

// d3-time-format directives by the unit they write, finest first: the finest one a format has is the interval its ticks need.
const DIRECTIVE_UNITS: Array<[RegExp, string]> = [
  [/%-?[SLf]/, 'second'],
  [/%-?M/, 'minute'],
  [/%-?[HI]/, 'hour'],
  [/%-?[daeAjuw]/, 'day'],
  [/%-?[UWV]/, 'week'],
  [/%-?[bBm]/, 'month'],
  [/%-?q/, 'quarter'],
  [/%-?[YyG]/, 'year'],
];

/**
 * The `tick-labels` error (rule of that name) for each axis of the drawn
 * chart that labels two ticks alike (repeatedTickLabels), at the axis'
 * `format` when the spec writes one on the channel, else at the channel's
 * field. `width` names the artboard width it happens at, when not the
 * spec's own layout.
 */
export function tickLabelErrors(json: JsonFile, vegaLite: Record<string, unknown>, scenegraph: unknown, width?: number): Diagnostic[] {
  const fields = encodedFields(vegaLite, false);
  const found: Diagnostic[] = [];
  for (const repeat of repeatedTickLabels(scenegraph)) {
    const channel = /(?:^|_)(x|y)$/.exec(repeat.scale)?.[1] ?? repeat.scale;
    const layer = /^layer_(\d+)_/.exec(repeat.scale)?.[1];
    const candidates = fields.filter((f) => f.channel === channel);
    const inLayer = layer === undefined ? candidates : candidates.filter((f) => f.jsonPath[0] === 'layer' && f.jsonPath[1] === Number(layer));
    const withFormat = (inLayer.length ? inLayer : candidates).map((f) => ({ f, format: formatOf(vegaLite, f.jsonPath.slice(0, -1)) }));
    const chosen = withFormat.find((c) => c.format) ?? withFormat[0];
    // Vega's own labels for dates write each tick at its own unit and repeat on purpose ("06 AM" on every day, after that day's "Jan 02"):
    // only one format for every tick, the spec's or the one a timeUnit gives, can say a tick is what it is not.
    if (repeat.dates && !chosen?.format && definitionAt(vegaLite, chosen?.f.jsonPath.slice(0, -1) ?? [])?.timeUnit === undefined) continue;
    const at: JSONPath = chosen?.format ? chosen.format.path : (chosen?.f.jsonPath ?? []);
    const fix = repeat.dates ? messages.checks.repeatedTickFixDate(chosen?.format && finestUnit(chosen.format.text)) : messages.checks.repeatedTickFixNumber(smallestStep(repeat.text));
    const message = messages.checks.repeatedTickLabel(channel, repeat.text, shown(repeat.first), shown(repeat.second), fix, width);
    found.push({ ...json.diagnostic(at, message), rule: 'tick-labels' });
  }
  return found;
}

/** The object at `path` in the spec (a channel's definition), if it is one. */
function definitionAt(root: Record<string, unknown>, path: JSONPath): Record<string, unknown> | undefined {
  const node = valueAt(root, path);
  return isRecord(node) ? node : undefined;
}

/** The channel's own label format (`axis.format`, else `format`) as written, and where. */
function formatOf(root: Record<string, unknown>, defPath: JSONPath): { text: string; path: JSONPath } | undefined {
  const def = definitionAt(root, defPath);
  if (!def) return undefined;
  const axis = def.axis && typeof def.axis === 'object' ? (def.axis as Record<string, unknown>) : undefined;
  if (typeof axis?.format === 'string') return { text: axis.format, path: [...defPath, 'axis', 'format'] };
  if (typeof def.format === 'string') return { text: def.format, path: [...defPath, 'format'] };
  return undefined;
}

/** The finest time unit a d3-time-format specifier writes (`%b %Y` → month), if it writes one. */
function finestUnit(format: string): string | undefined {
  return DIRECTIVE_UNITS.find(([directive]) => directive.test(format))?.[1];
}

/** 10 to the minus the decimals the label shows (`1` → 1, `1.5` → 0.1, `1,5` → 0.1). */
function smallestStep(text: string): string {
  const decimals = /[.,](\d+)\D*$/.exec(text)?.[1]?.length ?? 0;
  return decimals ? `0.${'0'.repeat(decimals - 1)}1` : '1';
}

/** A tick value as a message shows it: a date as YYYY-MM-DD (with the UTC time when not midnight), a number as written. */
function shown(value: unknown): string {
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const iso = (value as Date).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return String(value);
}
