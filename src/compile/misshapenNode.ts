const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Whether a node citechart itself walks before Vega-Lite has seen the spec
 * is of the wrong JSON type: an `encoding` or channel that is not an object
 * (`"encoding": "x"`), a channel's `field` that is neither a name nor a
 * `{"repeat": …}` reference, a `layer`/`concat`/`hconcat`/`vconcat` or `transform`
 * that is not a list of objects, a `spec` that is not an object. Vega-Lite
 * drops such nodes with at most an unlocated warning and draws the rest, so
 * a chart would leave without its encoding: compileSpec then asks the JSON
 * Schema where the mistake is (explainSpecError), which costs seconds and
 * so is done only when this cheap walk finds one.
 */
export function hasMisshapenNode(node: Record<string, unknown>): boolean {
  if (node.encoding !== undefined) {
    if (!isObject(node.encoding)) return true;
    for (const def of Object.values(node.encoding)) {
      if (Array.isArray(def) ? def.some((d) => !isObject(d)) : !isObject(def) && def !== null) return true;
      // A field is a column name or a repeat reference; `{"expr": …}` is dropped and the chart draws nothing.
      const defs: unknown[] = Array.isArray(def) ? def : [def];
      if (defs.some((d) => isObject(d) && d.field !== undefined && typeof d.field !== 'string' && !(isObject(d.field) && 'repeat' in d.field))) return true;
    }
  }
  if (node.transform !== undefined && !(Array.isArray(node.transform) && node.transform.every(isObject))) return true;
  for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
    const children = node[key];
    if (children === undefined) continue;
    if (!Array.isArray(children) || !children.every(isObject)) return true;
    if (children.some((child) => hasMisshapenNode(child as Record<string, unknown>))) return true;
  }
  if (node.spec !== undefined) return !isObject(node.spec) || hasMisshapenNode(node.spec);
  return false;
}
