// The fields a spec's transforms create, so field checks know them.

/** Transforms that make fields named by their `as` (or by defaults below). */
const MAKING = ['aggregate', 'joinaggregate', 'window', 'pivot', 'regression', 'loess', 'density', 'quantile', 'impute', 'stack'];

/** Default output names of transforms that have them. */
const DEFAULT_AS: Record<string, string[]> = {
  fold: ['key', 'value'],
  density: ['value', 'density'],
  quantile: ['prob', 'value'],
};

/** Transforms that add no field or whose names are read below. */
const KNOWN = new Set([
  'filter', 'calculate', 'bin', 'timeUnit', 'fold', 'lookup', 'flatten', 'sample', 'extent', ...MAKING,
]);

export interface TransformFacts {
  /** Field names the transforms create. */
  created: Set<string>;
  /** False when some transform creates names that cannot be known from the spec (pivot, or one not listed). */
  complete: boolean;
}

export function readTransforms(spec: Record<string, unknown>): TransformFacts {
  const facts: TransformFacts = { created: new Set(), complete: true };
  const addAs = (as: unknown) => {
    for (const name of Array.isArray(as) ? as : [as]) if (typeof name === 'string') facts.created.add(name);
  };
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (Array.isArray(object.transform)) {
      for (const transform of object.transform as Record<string, unknown>[]) {
        const kind = Object.keys(transform).find((key) => KNOWN.has(key));
        if (!kind || kind === 'pivot') facts.complete = false;
        const as = transform.as ?? (kind ? DEFAULT_AS[kind] : undefined);
        addAs(as);
        // A bin or stack named by one string also makes its `_end` field.
        if ((kind === 'bin' || kind === 'stack') && typeof as === 'string') addAs(`${as}_end`);
        // regression and loess with `params: true` output their fit.
        if ((kind === 'regression' || kind === 'loess') && transform.params) addAs(['coef', 'rSquared']);
        // Operations listed inside the transform carry their own `as`.
        for (const ops of [transform.aggregate, transform.joinaggregate, transform.window])
          if (Array.isArray(ops)) ops.forEach((op) => addAs((op as { as?: unknown }).as));
        if (kind === 'lookup') addAs((transform.from as { fields?: unknown } | undefined)?.fields);
      }
    }
    for (const [key, child] of Object.entries(object)) if (key !== 'transform' && key !== 'usermeta') visit(child);
  };
  visit(spec);
  return facts;
}
