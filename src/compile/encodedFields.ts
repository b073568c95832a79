/** A field as a spec encodes it: `{"field": "share", "type": "quantitative", "title": …}`. */
export interface EncodedField {
  field: string;
  type: string;
  title: string;
}

const CHANNELS = ['y', 'x', 'row', 'column', 'color', 'text', 'size', 'theta', 'opacity', 'shape'];

/**
 * The fields a Vega-Lite spec encodes, each once, in channel order (y before
 * x, as a reader names a bar chart's categories first), through layers,
 * concatenations and facets.
 */
export function encodedFields(spec: Record<string, unknown>): EncodedField[] {
  const found: EncodedField[] = [];
  const visit = (node: Record<string, unknown>) => {
    const encoding = (node.encoding ?? {}) as Record<string, Record<string, unknown> | undefined>;
    for (const channel of CHANNELS) {
      const def = encoding[channel];
      if (def && typeof def.field === 'string' && typeof def.type === 'string' && !found.some((f) => f.field === def.field)) {
        const axisTitle = (def.axis as { title?: unknown } | undefined)?.title;
        found.push({ field: def.field, type: def.type, title: String(def.title ?? axisTitle ?? '') });
      }
    }
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat'])
      if (Array.isArray(node[key])) (node[key] as Record<string, unknown>[]).forEach(visit);
    if (node.spec) visit(node.spec as Record<string, unknown>);
  };
  visit(spec);
  return found;
}
