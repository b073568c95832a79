import type { JSONPath } from 'jsonc-parser';
import { isRecord } from '../isRecord.js';

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
  /** The mark's properties when written as an object (`{"type": "line", "invalid": null}`). */
  markDef?: Record<string, unknown>;
  /** Where the view itself sits in the spec (the object holding `mark`). */
  path: JSONPath;
  /** Transforms applied to its rows, its ancestors' first, each with where it is written. */
  transforms: TransformDef[];
}

/** One entry of a `transform` array and where it sits in the spec. */
export interface TransformDef {
  def: Record<string, unknown>;
  jsonPath: JSONPath;
}


/**
 * Every mark of a spec with its effective encoding: a layer's channels
 * override its parent's, which is how Vega-Lite resolves shared encodings.
 * Rules need this because `"mark": "bar"` and the axis it draws often sit at
 * different levels of a layered spec.
 */
export function unitViews(spec: Record<string, unknown>): UnitView[] {
  const views: UnitView[] = [];
  const visit = (
    node: Record<string, unknown>,
    at: JSONPath,
    inherited: Record<string, ChannelDef>,
    facets: string[],
    data: string | undefined,
    above: TransformDef[],
  ) => {
    const url = isRecord(node.data) && typeof node.data.url === 'string' ? node.data.url.replace(/^\.\//, '') : data;
    // A view with its own data starts from that table: transforms above it do not apply.
    const transforms = isRecord(node.data) ? [] : [...above];
    if (Array.isArray(node.transform)) {
      node.transform.forEach((def, i) => isRecord(def) && transforms.push({ def, jsonPath: [...at, 'transform', i] }));
    }
    // Null-prototype: channel keys come from the spec (a "__proto__" key must not replace the prototype).
    const encoding: Record<string, ChannelDef> = Object.assign(Object.create(null), inherited);
    if (isRecord(node.encoding)) {
      for (const [channel, def] of Object.entries(node.encoding)) {
        if (isRecord(def)) encoding[channel] = { def, jsonPath: [...at, 'encoding', channel] };
      }
    }
    const facetFields = [...facets];
    const facet = node.facet;
    if (isRecord(facet)) {
      if (typeof facet.field === 'string') facetFields.push(facet.field);
      for (const key of ['row', 'column']) {
        const f = facet[key];
        if (isRecord(f) && typeof f.field === 'string') facetFields.push(f.field);
      }
    }
    for (const key of ['row', 'column', 'facet']) {
      const f = encoding[key]?.def.field;
      if (typeof f === 'string' && !facetFields.includes(f)) facetFields.push(f);
    }
    const mark = typeof node.mark === 'string' ? node.mark : isRecord(node.mark) && typeof node.mark.type === 'string' ? node.mark.type : undefined;
    if (mark) views.push({ mark, markPath: [...at, 'mark'], encoding, facetFields, dataFile: url, path: at, transforms, ...(isRecord(node.mark) ? { markDef: node.mark } : {}) });
    for (const key of ['layer', 'concat', 'hconcat', 'vconcat']) {
      // Concatenated views do not share encodings; layers do.
      const pass = key === 'layer' ? encoding : {};
      if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => isRecord(child) && visit(child, [...at, key, i], pass, facetFields, url, transforms));
    }
    if (isRecord(node.spec)) visit(node.spec, [...at, 'spec'], {}, facetFields, url, transforms);
  };
  visit(spec, [], {}, [], undefined, []);
  return views;
}

/** The quantitative position channels of a view. */
export const POSITION_CHANNELS = ['x', 'y'] as const;
