// The PDF's print width: print desks place graphics by column width in mm.
// A spec's `usermeta.citechart.print.widthMm`, else the theme's
// `config.style["citechart-print-mm"].width` (a named style, as the theme
// must stay valid Vega-Lite), else none: the page is the graphic's own size.
import { fitsOneWidth } from '../compile/atWidth.js';
import type { ChartSpec } from '../compile/readSpec.js';
import { MAX_PRINT_WIDTH_MM, MIN_ARTBOARD_WIDTH, MIN_PRINT_WIDTH_MM } from '../compile/usermetaSchema.js';
import { styleSetting } from '../compile/namedStyles.js';

/** The style naming the theme's print width in mm. */
export const PRINT_STYLE = 'citechart-print-mm';

/** Print widths allowed, in mm: a narrow column to a double-page spread (the spec's are checked by usermetaSchema). */
export const PRINT_WIDTH_LIMITS_MM = { min: MIN_PRINT_WIDTH_MM, max: MAX_PRINT_WIDTH_MM };

/** CSS px per mm: 96 px = 1 in = 25.4 mm (CSS Values 4, §6.2). */
const PX_PER_MM = 96 / 25.4;
const PT_PER_MM = 72 / 25.4;

export const isPrintWidth = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= PRINT_WIDTH_LIMITS_MM.min && value <= PRINT_WIDTH_LIMITS_MM.max;

/**
 * How the PDF meets a print width: `widthPt`, the page width in pt (the
 * width in mm exactly); `layoutWidth`, the width in px the chart is laid
 * out again at (mm × 96 / 25.4, rounded; at least MIN_ARTBOARD_WIDTH, the
 * narrowest a footer fits, then scaled down to the page) so its text keeps
 * its size in print. A chart Vega-Lite cannot lay out at one width (concat,
 * facet) is scaled to the page instead (no layoutWidth). `{}` when neither
 * the spec nor the theme sets a print width.
 */
export function printLayout(spec: ChartSpec, theme: Record<string, unknown> | undefined): { widthPt?: number; layoutWidth?: number } {
  const mm = spec.settings.print?.widthMm ?? themePrintWidth(theme);
  if (mm === undefined) return {};
  const widthPt = mm * PT_PER_MM;
  if (!fitsOneWidth(spec.vegaLite)) return { widthPt };
  return { widthPt, layoutWidth: Math.max(MIN_ARTBOARD_WIDTH, Math.round(mm * PX_PER_MM)) };
}

/** The theme's print width in mm, or undefined when it sets none or one out of range (badThemePrintWidth reports it). */
export const themePrintWidth = (theme: Record<string, unknown> | undefined): number | undefined => styleSetting(theme, PRINT_STYLE, 'width', isPrintWidth).value;

/** The theme's print width when it is there but out of PRINT_WIDTH_LIMITS_MM; undefined when fine or absent. */
export const badThemePrintWidth = (theme: Record<string, unknown> | undefined): { found: unknown } | undefined => styleSetting(theme, PRINT_STYLE, 'width', isPrintWidth).bad;
