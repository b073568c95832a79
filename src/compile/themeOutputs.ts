import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { badThemeScale, PNG_SCALE_LIMITS, SCALE_STYLE } from '../render/pngScale.js';
import { badThemePrintWidth, PRINT_STYLE, PRINT_WIDTH_LIMITS_MM } from '../render/printWidth.js';
import type { JsonFile } from './readJsonFile.js';

/**
 * Errors, at the theme's `style.NAME`, for the output settings it names
 * out of range: the PNG's scale (`citechart-png-scale`) and the PDF's print
 * width (`citechart-print-mm`). Like a bad artboard width, a theme error
 * stops every chart, rather than drawing at a size nobody asked for.
 */
export function themeOutputProblems(theme: JsonFile): Diagnostic[] {
  const value = theme.value as Record<string, unknown>;
  const problems: Diagnostic[] = [];
  const scale = badThemeScale(value);
  if (scale) problems.push(theme.diagnostic(['style', SCALE_STYLE, 'size'], messages.spec.themeScale(SCALE_STYLE, JSON.stringify(scale.found) ?? 'nothing', PNG_SCALE_LIMITS.min, PNG_SCALE_LIMITS.max)));
  const print = badThemePrintWidth(value);
  if (print) problems.push(theme.diagnostic(['style', PRINT_STYLE, 'width'], messages.spec.themePrintWidth(PRINT_STYLE, JSON.stringify(print.found) ?? 'nothing', PRINT_WIDTH_LIMITS_MM.min, PRINT_WIDTH_LIMITS_MM.max)));
  return problems;
}
