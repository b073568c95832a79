import type { JSONPath } from 'jsonc-parser';

/**
 * The name Vega-Lite gives the Vega mark of the view at `path` in a spec:
 * `marks` for a single view, `layer_1_marks` for the second layer,
 * `concat_0_layer_1_marks` inside a concatenation, `child_…` inside a facet
 * (Vega-Lite's model names: parent name, `_`, the child's kind and index).
 * Undefined where the spec names a view itself (`"name"`) or repeats one,
 * whose marks are named otherwise.
 */
export function viewMarkName(spec: Record<string, unknown>, path: JSONPath): string | undefined {
  const parts: string[] = [];
  let node: unknown = spec;
  for (let i = 0; i < path.length; i++) {
    if (!node || typeof node !== 'object') return undefined;
    const object = node as Record<string, unknown>;
    if (typeof object.name === 'string' || object.repeat !== undefined) return undefined;
    const key = path[i];
    if (key === 'layer' || key === 'concat' || key === 'hconcat' || key === 'vconcat') {
      const index = path[i + 1];
      if (typeof index !== 'number') return undefined;
      parts.push(`${key === 'layer' ? 'layer' : 'concat'}_${index}`);
      node = (object[key] as unknown[])[index];
      i++;
    } else if (key === 'spec') {
      parts.push('child');
      node = object.spec;
    } else return undefined;
  }
  if (node && typeof node === 'object' && typeof (node as Record<string, unknown>).name === 'string') return undefined;
  return [...parts, 'marks'].join('_');
}
