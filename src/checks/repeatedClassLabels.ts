import type { SceneNode } from '../render/sceneNode.js';

/**
 * A legend whose classes a reader cannot tell apart, by its scale's name
 * (`color`, `layer_1_color`…): `alike`, two entries labelled alike (the
 * text and the two entries' values); `tied`, a quantile scale's legend
 * showing fewer classes than it has colours.
 */
export type ClassLabelFault =
  | { kind: 'alike'; scale: string; text: string; first: number; second: number }
  | { kind: 'tied'; scale: string; colours: number; classes: number };

/**
 * Every legend of a rendered Vega scenegraph that writes two of its class
 * bounds alike, each entry's value a number: a format that writes less than
 * tells the bounds apart (`.0f` on bounds 0.5 and 1: "1" twice; a symbol
 * legend's "1 – 1"). Labels Vega hides to avoid overlap count too (the
 * bounds are still the classes'); empty labels (Vega leaves the first entry
 * of a stepped bar unlabelled) are not compared, nor are a legend's
 * categories (values that are not numbers). One per legend, the first pair
 * in entry order.
 *
 * `quantileColours` (scale name → colours) names the quantile scales: figures
 * tied at one value make two of their bounds one figure, and Vega keys legend
 * entries by value, so the legend shows fewer classes than colours; the
 * classes it drops hold no figure. Such a legend is `tied`.
 */
export function repeatedClassLabels(scenegraph: unknown, quantileColours: ReadonlyMap<string, number> = new Map()): ClassLabelFault[] {
  const found: ClassLabelFault[] = [];
  const visit = (node: SceneNode | undefined) => {
    if (!node || typeof node !== 'object') return;
    if (node.role === 'legend') {
      // The legend group's item names its scales in its datum ({"fill": "color"}).
      for (const legend of node.items ?? []) {
        const scales = legend.datum?.scales;
        const scale = scales && typeof scales === 'object' ? firstScale(scales as Record<string, unknown>) : undefined;
        if (scale === undefined) continue;
        const labels = labelsUnder(legend);
        const colours = quantileColours.get(scale);
        if (colours !== undefined && labels.length < colours) {
          found.push({ kind: 'tied', scale, colours, classes: labels.length });
          continue;
        }
        const repeat = firstRepeat(labels);
        if (repeat) found.push({ kind: 'alike', scale, ...repeat });
      }
      return;
    }
    for (const child of node.items ?? []) visit(child);
  };
  visit(scenegraph as SceneNode);
  return found;
}

function firstScale(scales: Record<string, unknown>): string | undefined {
  return Object.values(scales).find((name): name is string => typeof name === 'string');
}

/** The legend's label items in entry order: one text mark for a stepped bar, one per entry group for a symbol legend. */
function labelsUnder(node: SceneNode): SceneNode[] {
  if (node.role === 'legend-label') return node.items ?? [];
  return (node.items ?? []).flatMap(labelsUnder);
}

/** "1 – 1": a symbol legend's class whose two bounds read alike (Vega joins them with an en dash, vega-scale labels.js). */
const RANGE = /^(.+) \u2013 (.+)$/;

function firstRepeat(labels: SceneNode[]): { text: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [i, label] of labels.entries()) {
    const text = (Array.isArray(label.text) ? label.text.join(' ') : label.text == null ? '' : String(label.text)).trim();
    const value = label.datum?.value;
    if (!text || typeof value !== 'number') continue;
    const range = RANGE.exec(text);
    const next = labels[i + 1]?.datum?.value;
    if (range && range[1] === range[2]) return { text: range[1]!, first: value, second: typeof next === 'number' ? next : value };
    const before = seen.get(text);
    if (before === undefined) seen.set(text, value);
    else return { text, first: before, second: value };
  }
  return undefined;
}
