type Json = Record<string, unknown>;

/**
 * Transforms that keep a dataset's tuples the very objects of its source's
 * (Vega runs them in place: a filter passes some on, a lookup or formula
 * writes fields onto them) and write no field a projection's fit reads.
 */
const IN_PLACE = new Set(['filter', 'lookup', 'formula', 'collect', 'identifier']);
/** The fields a Vega projection's `fit` reads of each tuple (collectGeoJSON: a Feature's `type` and `geometry`, a collection's `features`). */
const SHAPE_FIELDS = new Set(['type', 'geometry', 'features']);

/**
 * Fits each projection of a compiled map (in place) to each set of shapes
 * once: Vega-Lite fits a layered map to every layer's data,
 * `[data('source_0'), data('data_0')]`, though the coloured layer's
 * `data_0` is the world layer's `source_0` filtered by a lookup, its
 * shapes the same objects. Vega streamed each shape through the projection
 * once per dataset, so the countries with a figure twice: on issue 17's
 * 1:50m world with 40 countries (56 % of its points), a third of the fit's
 * time (≈30 ms of a 0.7 s build) for nothing. The bounds are the same
 * without the repeated shapes, so the projection, and every byte drawn, is.
 *
 * A `data('b')` is left out of a fit that also names `data('a')` when `b`
 * is `a` or derives from it (`source`, through datasets of its own group)
 * by IN_PLACE transforms only, none writing a field of SHAPE_FIELDS (a
 * lookup's `as`, else `values`, else `fields`; a formula's or identifier's
 * `as`), and has no `on` triggers. Anything
 * else (a fit given as a list, a signal of another form, a transform that
 * makes new tuples, a field given by a signal) is left as it is.
 */
export function fitOnce(vega: unknown): void {
  const visit = (node: Json) => {
    const data = new Map<string, Json>();
    for (const dataset of (node.data as Json[] | undefined) ?? []) if (typeof dataset.name === 'string') data.set(dataset.name, dataset);
    for (const projection of (node.projections as Json[] | undefined) ?? []) {
      const fit = projection.fit as Json | undefined;
      const names = typeof fit?.signal === 'string' ? fittedData(fit.signal) : undefined;
      if (!names || names.length < 2) continue;
      const kept = names.filter((name, i) => !names.some((other, j) => j !== i && (j < i || name !== other) && within(name, other, data)));
      // One dataset alone is written bare, as Vega-Lite does: Vega takes a list of one as its only GeoJSON object, and an array of tuples is none (NaN everywhere).
      if (kept.length < names.length) fit!.signal = kept.length === 1 ? `data('${kept[0]}')` : `[${kept.map((name) => `data('${name}')`).join(', ')}]`;
    }
    for (const mark of (node.marks as Json[] | undefined) ?? []) visit(mark);
  };
  visit(vega as Json);
}

/** The dataset names of a fit signal `[data('a'), data('b'), …]`, as Vega-Lite writes it; undefined for any other form. */
function fittedData(signal: string): string[] | undefined {
  const match = /^\[\s*(data\('[\w$-]+'\)\s*(?:,\s*data\('[\w$-]+'\)\s*)*)\]$/.exec(signal);
  return match ? [...match[1]!.matchAll(/data\('([\w$-]+)'\)/g)].map((m) => m[1]!) : undefined;
}

/** Whether dataset `name`'s tuples are some of dataset `of`'s, shapes untouched: the same, or derived from it by IN_PLACE transforms. */
function within(name: string, of: string, data: Map<string, Json>): boolean {
  const seen = new Set<string>();
  for (let at: string | undefined = name; at !== undefined && !seen.has(at); ) {
    if (at === of) return true;
    seen.add(at);
    const dataset = data.get(at);
    // Its own rows (values, url) or tuples changed by signals (on) are not its source's.
    if (!dataset || typeof dataset.source !== 'string' || 'values' in dataset || 'url' in dataset || 'on' in dataset) return false;
    if (!((dataset.transform as Json[] | undefined) ?? []).every(keepsShapes)) return false;
    at = dataset.source;
  }
  return false;
}

function keepsShapes(transform: Json): boolean {
  if (!IN_PLACE.has(String(transform.type))) return false;
  // A lookup writes its `as`, else its `values`, else its `fields`; a formula or identifier its `as`; a filter or collect none.
  const written = transform.type === 'lookup' ? (transform.as ?? transform.values ?? transform.fields) : (transform.as ?? []);
  const fields = Array.isArray(written) ? written : [written];
  return fields.every((field) => typeof field === 'string' && !SHAPE_FIELDS.has(field));
}
