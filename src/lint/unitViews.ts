import type { JSONPath } from 'jsonc-parser';

/** An encoding channel's definition and where it sits in the spec. */
export interface ChannelDef {
  def: Record<string, unknown>;
  jsonPath: JSONPath;
}

/** A single-mark view of a spec, with the encoding it inherits from enclosing layers. */
export interface UnitView {
  mark: string;
  markPath: JSONPath;
  encoding: Record<string, ChannelDef>;
  /** Fields of enclosing facets (`facet`, `row`, `column`): each panel is its own whole. */
  facetFields: string[];
  /** The table it draws (nearest `data.url` above it), if any. */
  dataFile?: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * Every mark of a spec with its effective encoding: a layer's channels
 * override its parent's, which is how Vega-Lite resolves shared encodings.
 * Rules need this because `"mark": "bar"` and the axis it draws often sit at
 * different levels of a layered spec.
 */
export function unitViews(spec: Record<string, unknown>): UnitView[] {
  const views: UnitView[] = [];
  const visit = (node: Record<string, unknown>, at: JSONPath, inherited: Record<string, ChannelDef>, facets: string[], data?: string) => {
    const url = isObject(node.data) && typeof node.data.url === 'string' ? node.data.url.replace(/^\.\//, '') : data;
    // Null-prototype: channel keys come from the spec (a "__proto__" key must not replace the prototype).
    const encoding: Record<string, ChannelDef> = Object.assign(Object.create(null), inherited);
    if (isObject(node.encoding)) {
      for (const [channel, def] of Object.entries(node.encoding)) {
        if (isObject(def)) encoding[channel] = { def, jsonPath: [...at, 'encoding', channel] };
      }
    }
    const facetFields = [...facets];
    const facet = node.facet;
    if (isObject(facet)) {
      if (typeof facet.field === 'string') facetFields.push(facet.field);
      for (const key of ['row', 'column']) {
        const f = facet[key];
        if (isObject(f) && typeof f.field === 'string') facetFields.push(f.field);
      }
    }
    for (const key of ['row', 'column', 'facet']) {
      const f = encoding[key]?.def.field;
      if (typeof f === 'string' && !facetFields.includes(f)) facetFields.push(f);
    }
    const mark = typeof node.mark === 'string' ? node.mark : isObject(node.mark) && typeof node.mark.type === 'string' ? node.mark.type : undefined;
    if (mark) views.push({ mark, markPath: [...at, 'mark'], encoding, facetFields, dataFile: url });
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
      // Concatenated views do not share encodings; layers do.
      const pass = key === 'layer' ? encoding : {};
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => isObject(child) && visit(child, [...at, key, i], pass, facetFields, url));
    }
    if (isObject(node.spec)) visit(node.spec, [...at, 'spec'], {}, facetFields, url);
  };
  visit(spec, [], {}, []);
  return views;
}

/** The quantitative position channels of a view. */
export const POSITION_CHANNELS = ['x', 'y'] as const;
