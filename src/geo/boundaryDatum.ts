/**
 * Whether a drawn datum is a boundary shape (a GeoJSON Feature citechart
 * injected, src/geo/joinBoundaries): it carries no row id because it is
 * not a cited row, and it folds no rows either. Its figures, if any, came
 * from a lookup table, all of whose rows are cited (provenance/citedRows).
 */
export function isBoundaryFeature(datum: Record<string, unknown>): boolean {
  return datum.type === 'Feature' && typeof datum.geometry === 'object';
}

/** The name a reader knows a drawn shape by (`properties.name`), for alt text; undefined for any other datum. */
export function regionName(datum: Record<string, unknown>): string | undefined {
  const properties = datum.properties as Record<string, unknown> | undefined;
  return properties && typeof properties === 'object' && typeof properties.name === 'string' ? properties.name : undefined;
}
