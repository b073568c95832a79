import type { SceneNode } from '../render/sceneNode.js';

/** Two ticks of one axis whose labels read alike: the axis' scale name (`x`, `layer_1_y`…), the text, and the two tick values. */
export interface RepeatedTickLabel {
  scale: string;
  text: string;
  first: unknown;
  second: unknown;
  /** Whether the ticks are dates (a time scale's), for how to print them and which fix to name. */
  dates: boolean;
}

interface AxisNode extends SceneNode {
  datum?: { scale?: unknown };
}

/**
 * Every axis of a rendered Vega scenegraph whose format writes two of its
 * ticks alike: `%b %Y` on ticks a week apart ("Jan 2023" at 1, 8, 15…
 * January), `.0f` on ticks half a unit apart ("1" at 0.5 and at 1). The
 * labels Vega keeps then stand where they do not say ("Feb 2023" at 26
 * February, beside March's point), and two may show at once. Ticks whose
 * label Vega hides to avoid overlap count too: the label shown stands at
 * its own tick, not at the start of what it names. Empty labels (a
 * `labelExpr` showing every other tick) are not compared. One per axis, the
 * first pair in tick order.
 */
export function repeatedTickLabels(scenegraph: unknown): RepeatedTickLabel[] {
  const found: RepeatedTickLabel[] = [];
  // An axis is a group mark of role `axis` whose one item's datum names its scale; its labels are a text mark of role `axis-label` inside.
  const visit = (node: SceneNode | undefined, axis: string | undefined, axisItem: boolean) => {
    if (!node || typeof node !== 'object') return;
    const scale = axisItem ? (node as AxisNode).datum?.scale : undefined;
    const here = typeof scale === 'string' ? scale : axis;
    if (node.role === 'axis-label' && here !== undefined) {
      const repeat = firstRepeat(node.items ?? []);
      if (repeat) found.push({ scale: here, ...repeat });
      return;
    }
    for (const child of node.items ?? []) visit(child, here, node.role === 'axis');
  };
  visit(scenegraph as SceneNode, undefined, false);
  return found;
}

function firstRepeat(labels: SceneNode[]): Omit<RepeatedTickLabel, 'scale'> | undefined {
  const seen = new Map<string, unknown>();
  for (const label of labels) {
    const text = (Array.isArray(label.text) ? label.text.join(' ') : label.text == null ? '' : String(label.text)).trim();
    const value = label.datum?.value;
    if (!text || value === undefined || value === null) continue;
    const before = seen.get(text);
    if (before === undefined) {
      seen.set(text, value);
      continue;
    }
    if (key(before) === key(value)) continue;
    return { text, first: before, second: value, dates: isDate(value) };
  }
  return undefined;
}

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === '[object Date]';
const key = (value: unknown) => (isDate(value) ? value.getTime() : value);
