import * as messages from '../messages.js';

/** How many "no data" regions an alt text names before "…": enough to read, not a list of 150 countries. */
const MAX_NAMED = 10;

/**
 * A drafted alt text with the map's "no data" regions added before its
 * source ("No data: 3 regions (Chad, Niger, Mali)."), so a reader who
 * cannot see the grey shapes knows they are not zeros. `noData` are the
 * names of the shapes drawn with no figure (joinBoundaries), in file order.
 */
export function noDataAltText(alt: string, noData: string[]): string {
  if (!noData.length) return alt;
  const sentence = messages.geo.noDataAlt(noData.length, noData.slice(0, MAX_NAMED));
  const at = alt.lastIndexOf(' Source');
  return at < 0 ? `${alt} ${sentence}` : `${alt.slice(0, at)} ${sentence}${alt.slice(at)}`;
}
