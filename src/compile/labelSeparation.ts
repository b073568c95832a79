import { LIMITS } from '../limits.js';
import { isRecord } from '../isRecord.js';

/**
 * The theme's config with `axis.labelSeparation` set to LIMITS.minLabelGap
 * (px) when the theme's `axis` sets none. Vega keeps axis labels 0 px apart
 * by default, so its overlap check (`labelOverlap`, on for every
 * quantitative and temporal axis) keeps two labels that all but touch: a
 * daily axis whose ticks restart at each month drew "29 janv." 3 px from
 * "février", read as one label. With the gap, Vega hides every other label
 * until none is nearer than that. A theme's or spec's own `labelSeparation`
 * (`axis`, `axisX`, an encoding's `axis`) still wins; labels already
 * that far apart are drawn exactly as before. Returns the theme object
 * itself when its `axis` sets a separation; otherwise a copy with the gap
 * added (with no theme, a config of just the gap).
 */
export function withLabelSeparation(theme: Record<string, unknown> | undefined): Record<string, unknown> {
  const axis = theme?.axis;
  if (isRecord(axis) && axis.labelSeparation !== undefined) return theme!;
  return { ...theme, axis: { ...(isRecord(axis) ? axis : {}), labelSeparation: LIMITS.minLabelGap } };
}
