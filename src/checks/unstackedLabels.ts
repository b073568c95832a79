import type { JsonFile } from '../compile/readJsonFile.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedChannel } from './plottedChannels.js';

const GROUPING = ['color', 'fill', 'stroke', 'detail', 'opacity'];
const STACKED_MARKS = new Set(['bar', 'area']);

/** Whether Vega-Lite stacks this channel of its view: a bar or area split by a colour or detail field (or any mark with an explicit stack). */
function stacks(c: PlottedChannel): boolean {
  const stack = c.def.stack;
  if (stack !== undefined) return stack !== null && stack !== false;
  return STACKED_MARKS.has(c.view.mark) && GROUPING.some((g) => typeof c.view.encoding[g]?.def.field === 'string');
}

/** The path of the layer array a view sits in (its siblings share it). */
const layerOf = (c: PlottedChannel) => c.view.path.slice(0, -1).join('\u0000');

/**
 * Labels of a stacked bar or area chart that do not stack with it: a text
 * layer whose x (or y) is the field the bars stack, with no `stack` of its
 * own, or stacked in another order than the bars (sameOrder). Vega-Lite
 * stacks text only when told to, so each label is drawn at its row's own
 * value, from zero: "60" for the second part of a bar sits inside the first
 * part, and the second part has no label. An error at the text layer's
 * channel, with the fix. A label of an aggregate (a bar's
 * total) and a text layer that filters its own rows (labelling only the
 * bottom part, which stands at its own value) are left alone.
 */
export function checkUnstackedLabels(json: JsonFile, channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const text of channels) {
    if (text.view.mark !== 'text' || (text.channel !== 'x' && text.channel !== 'y') || text.def.type !== 'quantitative') continue;
    if (text.def.aggregate !== undefined) continue;
    if (text.view.transforms.some((t) => t.def.filter !== undefined && t.jsonPath[0] === 'layer')) continue;
    const bars = channels.find(
      (b) => b.view !== text.view && STACKED_MARKS.has(b.view.mark) && b.channel === text.channel && b.field === text.field && b.table === text.table && layerOf(b) === layerOf(text) && b.def.aggregate === undefined && stacks(b),
    );
    if (!bars) continue;
    const split = GROUPING.map((g) => bars.view.encoding[g]?.def.field).find((f): f is string => typeof f === 'string');
    if (!partsShareBars(bars)) continue;
    if (stacks(text) && sameOrder(text, bars, split)) continue;
    const key = text.jsonPath.join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    // At the text layer's own channel, or at its mark when it inherits the channel from the layers' shared encoding (the fix goes in the layer).
    const own = text.view.path.every((step, i) => text.jsonPath[i] === step);
    found.push({ ...json.diagnostic(own ? text.jsonPath : text.view.markPath, messages.checks.unstackedLabels(text.field, text.channel, bars.view.mark, split)), rule: 'stack-signs' });
  }
  return found;
}

/**
 * Whether stacked labels stack in the bars' order: by the bars' own split
 * field on the same channel, or by an `order` the bars share (Vega-Lite
 * sorts a bar stack by its colour field ascending, but a text stack split by
 * `detail` descending, so each label would land on another part).
 */
function sameOrder(text: PlottedChannel, bars: PlottedChannel, split: string | undefined): boolean {
  if (split === undefined) return true;
  const barOrder = bars.view.encoding.order?.def;
  const textOrder = text.view.encoding.order?.def;
  if (barOrder || textOrder) return JSON.stringify(orderOf(barOrder, split)) === JSON.stringify(orderOf(textOrder, undefined));
  return GROUPING.some((g) => bars.view.encoding[g]?.def.field === split && text.view.encoding[g]?.def.field === split);
}

/** A stack's order as [field, sort]: an `order` channel's, else (for the bars) their split field ascending. */
function orderOf(def: Record<string, unknown> | undefined, split: string | undefined): [unknown, unknown] | undefined {
  if (def) return [def.field, def.sort ?? 'ascending'];
  return split === undefined ? undefined : [split, 'ascending'];
}

/**
 * Whether some bar of the stack has two parts: two rows at one place on the
 * other axis. A bar chart coloured by its own categories (one row a bar)
 * "stacks" each bar on itself, and a label at its row's value is right.
 * Unknown (no field on the other axis, rows not known): true.
 */
function partsShareBars(bars: PlottedChannel): boolean {
  const other = bars.view.encoding[bars.channel === 'x' ? 'y' : 'x']?.def.field;
  if (typeof other !== 'string' || !bars.table) return true;
  const seen = new Set<unknown>();
  for (const row of bars.table.rows) {
    const at = row.values[other] ?? null;
    if (seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}
