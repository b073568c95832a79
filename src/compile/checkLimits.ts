// A spec's transform parameters and its data, against the limits of
// src/limits.ts, before Vega-Lite compiles it: `density` with 1e7 steps,
// `quantile` with step 1e-7, `impute` over 1e7 generated keys or `bin` with
// maxbins 1e9 would each allocate arrays of that size and run for minutes
// or exhaust the memory (issue 9, item 8). Each is an error at the parameter.
import type { JSONPath } from 'jsonc-parser';
import { LIMITS } from '../limits.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { countOf } from '../countNoun.js';
import type { ChartSpec } from './readSpec.js';

type Node = Record<string, unknown>;
const isObject = (value: unknown): value is Node => !!value && typeof value === 'object' && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
// Settings objects hold no transforms or bins.
const SKIP = new Set(['usermeta', 'config']);

interface Over {
  at: JSONPath;
  transform: string;
  parameter: string;
  value: unknown;
  produces: string;
  limit: number;
}

/** What a number of `what` is over its limit (`count > limit`, or not a finite count at all). */
const over = (count: number, limit: number) => !(count <= limit);

/** The parameters of one transform (or one `bin` object) over their limits. */
function checkTransform(transform: Node, at: JSONPath, found: Over[]): void {
  const add = (transformName: string, parameter: string, produces: string, limit: number, count: number, path: JSONPath = [...at, parameter]) => {
    if (over(count, limit)) found.push({ at: path, transform: transformName, parameter, value: transform[parameter] ?? count, produces, limit });
  };
  if ('density' in transform) {
    for (const parameter of ['steps', 'minsteps', 'maxsteps']) {
      if (isNumber(transform[parameter])) add('density', parameter, 'as many sample points', LIMITS.densitySteps, transform[parameter]);
    }
  }
  if ('quantile' in transform) {
    if (isNumber(transform.step)) add('quantile', 'step', countOf(Math.ceil(1 / transform.step), 'quantile'), LIMITS.quantiles, 1 / transform.step);
    if (Array.isArray(transform.probs)) add('quantile', 'probs', countOf(transform.probs.length, 'quantile'), LIMITS.quantiles, transform.probs.length);
  }
  if ('impute' in transform && isObject(transform.keyvals)) {
    const { start, stop, step = 1 } = transform.keyvals;
    if (isNumber(start) && isNumber(stop) && isNumber(step)) {
      const keys = Math.ceil((stop - start) / step);
      if (over(keys, LIMITS.generatedRows)) {
        found.push({ at: [...at, 'keyvals'], transform: 'impute', parameter: 'keyvals', value: JSON.stringify(transform.keyvals), produces: countOf(keys, 'key'), limit: LIMITS.generatedRows });
      }
    }
  }
  if ('regression' in transform && transform.method === 'poly' && isNumber(transform.order)) {
    add('regression', 'order', 'a polynomial of that order', LIMITS.regressionOrder, transform.order);
  }
}

/** A `bin` parameters object (in a transform or an encoding channel), at `at`. */
function checkBin(bin: Node, at: JSONPath, found: Over[]): void {
  if (isNumber(bin.maxbins) && over(bin.maxbins, LIMITS.bins)) {
    found.push({ at: [...at, 'maxbins'], transform: 'bin', parameter: 'maxbins', value: bin.maxbins, produces: 'as many bins', limit: LIMITS.bins });
  }
  const extent = bin.extent;
  if (isNumber(bin.step) && Array.isArray(extent) && isNumber(extent[0]) && isNumber(extent[1])) {
    const bins = Math.ceil(Math.abs(extent[1] - extent[0]) / bin.step);
    if (over(bins, LIMITS.bins)) {
      found.push({ at: [...at, 'step'], transform: 'bin', parameter: 'step', value: bin.step, produces: `${countOf(bins, 'bin')} over its extent`, limit: LIMITS.bins });
    }
  }
}

/**
 * The transform parameters of a spec over their limits (LIMITS.densitySteps,
 * quantiles, generatedRows, bins, regressionOrder), each an error at the
 * parameter in the spec file (`file:line:col`). Walks every `transform`
 * list and every `bin` object, in layers, facets and concatenations too.
 */
export function checkTransformLimits(spec: ChartSpec): Diagnostic[] {
  const found: Over[] = [];
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!isObject(node)) return;
    if (Array.isArray(node.transform)) {
      node.transform.forEach((transform, i) => {
        if (isObject(transform)) checkTransform(transform, [...at, 'transform', i], found);
      });
    }
    if (isObject(node.bin)) checkBin(node.bin, [...at, 'bin'], found);
    for (const [key, child] of Object.entries(node)) if (!SKIP.has(key)) visit(child, [...at, key]);
  };
  visit(spec.vegaLite, []);
  return found.map(({ at, transform, parameter, value, produces, limit }) =>
    spec.json.diagnostic(at, messages.spec.parameterOverLimit(transform, parameter, String(value), produces, limit)),
  );
}

/** Sizes a `view` in a config sets (`config.view` in a spec, `view` in the theme), besides width and height. */
const VIEW_SIZES = ['continuousWidth', 'continuousHeight', 'discreteWidth', 'discreteHeight', 'step'];

/**
 * The view sizes and tick counts of a spec (or of the theme, a config
 * object) over their limits, or not above 0 px, each an error at the value:
 * a `width` or `height` (a number, or a `{"step": N}`) over LIMITS.viewPx,
 * the same in a config's `view`, a legend's `gradientLength` or
 * `gradientThickness` over it too, a `tickCount` over LIMITS.ticks. Checked
 * before Vega draws, which would otherwise run out of memory on one axis
 * (issue: width 1e9 crashed `check`), or draw an empty plot with exit 0
 * (`"width": -50`). `diagnostic` places a JSON path in the file.
 */
export function checkViewLimits(root: unknown, diagnostic: (at: JSONPath, message: string) => Diagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const size = (value: unknown, setting: string, at: JSONPath) => {
    const px = isObject(value) && typeof value.step === 'number' ? value.step : value;
    const where = px === value ? at : [...at, 'step'];
    if (typeof px !== 'number') return;
    if (over(px, LIMITS.viewPx)) problems.push(diagnostic(where, messages.spec.viewOverLimit(setting, px, LIMITS.viewPx)));
    else if (px <= 0) problems.push(diagnostic(where, messages.spec.viewNotPositive(setting, px)));
  };
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!isObject(node)) return;
    // A mark's `width` (a bar's) is a size too: the same bounds.
    for (const key of ['width', 'height']) if (key in node) size(node[key], key, [...at, key]);
    if (isObject(node.view)) for (const key of VIEW_SIZES) if (key in node.view) size(node.view[key], key, [...at, 'view', key]);
    // A legend's gradient is a side of the graphic too: `gradientLength: 1e7` took `check` 27 s and 816 MB before the PNG size check.
    for (const key of ['gradientLength', 'gradientThickness']) {
      const px = node[key];
      if (typeof px === 'number' && over(px, LIMITS.viewPx)) problems.push(diagnostic([...at, key], messages.spec.viewOverLimit(key, px, LIMITS.viewPx)));
    }
    if (typeof node.tickCount === 'number' && over(node.tickCount, LIMITS.ticks)) {
      problems.push(diagnostic([...at, 'tickCount'], messages.spec.viewOverLimit('tickCount', node.tickCount, LIMITS.ticks)));
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'usermeta') visit(child, [...at, key]);
  };
  visit(root, []);
  return problems;
}

/**
 * An error at the data reference that takes a chart over LIMITS.rowsPerChart
 * rows (the rows of every table it reads, each table once), or undefined.
 */
export function checkChartRows(spec: ChartSpec, tables: Map<string, CitedTable>): Diagnostic | undefined {
  const counted = new Set<string>();
  let rows = 0;
  for (const ref of spec.dataRefs) {
    if (counted.has(ref.file)) continue;
    counted.add(ref.file);
    rows += tables.get(ref.file)?.rows.length ?? 0;
    if (rows > LIMITS.rowsPerChart) return spec.json.diagnostic([...ref.jsonPath, 'url'], messages.spec.tooManyChartRows(rows, LIMITS.rowsPerChart));
  }
  return undefined;
}

/**
 * Errors at `impute` transforms whose output would be over
 * LIMITS.generatedRows rows: impute makes a row for every key in every
 * group, so 5,000 distinct keys in 5,000 groups are 25 million rows. Counted
 * from the chart's tables (distinct values of the key and groupby columns,
 * plus the `keyvals`); an impute over fields a transform computes is not
 * counted (the worker heap limit still bounds it).
 */
export function checkImputeRows(spec: ChartSpec, tables: Map<string, CitedTable>): Diagnostic[] {
  const chartTables = spec.dataRefs.map((ref) => tables.get(ref.file)).filter((table) => table !== undefined);
  const distinct = (field: unknown): number | undefined => {
    if (typeof field !== 'string') return undefined;
    const values = new Set<unknown>();
    let known = false;
    for (const table of chartTables) {
      if (!table.columns.includes(field)) continue;
      known = true;
      for (const row of table.rows) values.add(row.values[field]);
    }
    return known ? values.size : undefined;
  };
  const problems: Diagnostic[] = [];
  const visit = (node: unknown, at: JSONPath) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i]));
    if (!isObject(node)) return;
    if (Array.isArray(node.transform)) {
      node.transform.forEach((transform, i) => {
        if (!isObject(transform) || !('impute' in transform)) return;
        let keys = distinct(transform.key);
        if (keys === undefined) return;
        const { keyvals } = transform;
        if (Array.isArray(keyvals)) keys += keyvals.length;
        else if (isObject(keyvals) && isNumber(keyvals.start) && isNumber(keyvals.stop)) {
          keys += Math.max(0, Math.ceil((keyvals.stop - keyvals.start) / (isNumber(keyvals.step) ? keyvals.step : 1)));
        }
        let groups = 1;
        for (const field of Array.isArray(transform.groupby) ? transform.groupby : []) {
          const count = distinct(field);
          if (count === undefined) return;
          groups *= Math.max(1, count);
        }
        if (over(keys * groups, LIMITS.generatedRows)) {
          problems.push(spec.json.diagnostic([...at, 'transform', i, 'impute'], messages.spec.imputeOverLimit(keys, groups, LIMITS.generatedRows)));
        }
      });
    }
    for (const [key, child] of Object.entries(node)) if (!SKIP.has(key)) visit(child, [...at, key]);
  };
  visit(spec.vegaLite, []);
  return problems;
}

/**
 * Settings that size drawn text, lines, spacing and corners, by the end of their name (Vega-Lite's
 * `fontSize`, `labelFontSize`, `titleFontSize`…), with their limit; `over`: the message, when not
 * messages.spec.styleOverLimit (which says the value is drawn off the artboard).
 */
const STYLE_SIZES: Array<{ ends: RegExp; kind: string; limit: number; over?: (setting: string, value: number) => string }> = [
  { ends: /fontSize$/i, kind: 'font size', limit: LIMITS.fontPx },
  { ends: /(strokeWidth|^gridWidth|^domainWidth|^tickWidth)$/i, kind: 'line width', limit: LIMITS.strokePx },
  // `dx`, `dy`: a text mark's offset from its anchor.
  { ends: /(padding|offset|^dx|^dy)$/i, kind: 'padding or offset', limit: LIMITS.spacingPx },
  // A concatenation's, facet's or repeat's gap between views (or its `row` and `column`), a bar's gap between bins.
  { ends: /^(spacing|binSpacing)$/, kind: 'spacing', limit: LIMITS.spacingPx },
  // An axis's ticks: the labels are set beyond them.
  { ends: /^tickSize$/, kind: 'tick length', limit: LIMITS.spacingPx },
  { ends: /^(lineHeight|labelLineHeight|titleLineHeight|subtitleLineHeight)$/, kind: 'line height', limit: LIMITS.spacingPx },
  {
    ends: /^cornerRadius(End|TopLeft|TopRight|BottomLeft|BottomRight)?$/,
    kind: 'corner radius',
    limit: LIMITS.cornerRadiusPx,
    over: (setting, value) => messages.spec.cornerRadiusOverLimit(setting, value, LIMITS.cornerRadiusPx, LIMITS.viewPx),
  },
];
/** Settings holding a mark's size (a point's area, a bar's width), or a list of them (a size scale's `range`). */
const MARK_SIZES = new Set(['size', 'symbolSize', 'minSize', 'maxSize']);
/** Vega-Lite's mark types, as config keys (`config.point`) and in a unit's `mark`. */
const MARK_TYPES = new Set(['arc', 'area', 'bar', 'boxplot', 'circle', 'errorband', 'errorbar', 'geoshape', 'image', 'line', 'point', 'rect', 'rule', 'square', 'text', 'tick', 'trail', 'mark']);
/** The mark type a unit spec draws (`"mark": "text"` or `{"type": "text"}`), if it says. */
const markTypeOf = (node: Node): string | undefined => (typeof node.mark === 'string' ? node.mark : isObject(node.mark) && typeof node.mark.type === 'string' ? node.mark.type : undefined);
/** The parts of a size given per side (a padding's) or per direction (a spacing's `{"row": 10, "column": 20}`). */
const SIDES = ['top', 'bottom', 'left', 'right', 'row', 'column'];
/** Keys whose string value (or each string of their list) the graphic draws as text; and the alt text and descriptions, read aloud. */
const DRAWN_TEXT = new Set(['title', 'subtitle', 'text', 'notes', 'credit', 'alt', 'description']);

/**
 * Sizes and texts of a spec (or of the theme, a config object) that would
 * be drawn off the artboard, each an error at the value: a font size over
 * LIMITS.fontPx, a line width over LIMITS.strokePx, a padding or offset
 * beyond ±LIMITS.spacingPx (a number, each side of a padding object, or an
 * encoding channel's `{"value": N}`), and a drawn text (a title or
 * subtitle with all its lines, a text mark's or channel's `text`, a note,
 * the credit, an annotation) over LIMITS.drawnTextChars characters, a
 * mark's size over LIMITS.markSizePx2 px² (a text's over LIMITS.fontPx),
 * the alt text over LIMITS.altTextChars characters. Vega
 * draws each without complaint (issue: `labelFontSize: 1e7`, a
 * 10,000-character title); a graphic never needs them. `diagnostic` places
 * a JSON path in the file.
 */
export function checkStyleLimits(root: unknown, diagnostic: (at: JSONPath, message: string) => Diagnostic): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const size = (value: unknown, setting: string, at: JSONPath, rule: (typeof STYLE_SIZES)[number]) => {
    if (isNumber(value) && Math.abs(value) > rule.limit) {
      problems.push(diagnostic(at, rule.over ? rule.over(setting, value) : messages.spec.styleOverLimit(setting, value, rule.kind, rule.limit)));
    }
    // A padding given per side: {"top": 5, "left": 10…}; a spacing per direction: {"row": 10, "column": 20}.
    else if (isObject(value)) for (const side of SIDES) if (side in value) size(value[side], setting, [...at, side], rule);
  };
  const text = (value: unknown, setting: string, at: JSONPath) => {
    // A title's lines are one text: drawn one above the other, they are read (and wrapped) together.
    const lines = Array.isArray(value) && value.every((line) => typeof line === 'string') ? (value as string[]) : undefined;
    const length = typeof value === 'string' ? value.length : setting !== 'notes' && lines ? lines.reduce((sum, line) => sum + line.length, 0) : 0;
    if (setting === 'alt') {
      // Read aloud, not drawn: its own limit.
      if (length > LIMITS.altTextChars) problems.push(diagnostic(at, messages.spec.altOverLimit(length, LIMITS.altTextChars)));
    } else if (setting === 'description') {
      // Vega's ARIA label of the chart or a mark: read aloud too.
      if (length > LIMITS.altTextChars) problems.push(diagnostic(at, messages.spec.descriptionOverLimit(length, LIMITS.altTextChars)));
      else if (isObject(value) && typeof value.value === 'string') text(value.value, setting, [...at, 'value']);
    } else if (length > LIMITS.drawnTextChars) problems.push(diagnostic(at, messages.spec.textOverLimit(setting, length, LIMITS.drawnTextChars)));
    else if (setting === 'notes' && lines) lines.forEach((note, i) => text(note, 'note', [...at, i]));
    else if (isObject(value) && typeof value.value === 'string') text(value.value, setting, [...at, 'value']);
  };
  // A mark's size: a number, a channel's `{"value": N}` and its conditions' values, a size scale's `range` and `rangeMin`/`rangeMax`.
  const markSize = (value: unknown, setting: string, at: JSONPath, text: boolean) => {
    if (isNumber(value)) {
      // A text mark's size is its font size.
      if (text && Math.abs(value) > LIMITS.fontPx) problems.push(diagnostic(at, messages.spec.styleOverLimit(setting, value, 'font size', LIMITS.fontPx)));
      else if (!text && Math.abs(value) > LIMITS.markSizePx2) problems.push(diagnostic(at, messages.spec.markSizeOverLimit(setting, value, LIMITS.markSizePx2)));
      return;
    }
    if (!isObject(value)) return;
    if ('value' in value) markSize(value.value, setting, [...at, 'value'], text);
    const conditions = Array.isArray(value.condition) ? value.condition : [value.condition];
    conditions.forEach((condition, i) => {
      if (isObject(condition) && 'value' in condition) markSize(condition.value, setting, [...at, 'condition', ...(Array.isArray(value.condition) ? [i] : []), 'value'], text);
    });
    if (isObject(value.scale)) {
      const scale = value.scale;
      if (Array.isArray(scale.range)) scale.range.forEach((end, i) => markSize(end, 'range', [...at, 'scale', 'range', i], text));
      for (const key of ['rangeMin', 'rangeMax']) if (key in scale) markSize(scale[key], key, [...at, 'scale', key], text);
    }
  };
  // `mark`: the type of mark whose settings these are (a unit's `mark`, a config's `text`), so a text's size is held to the font size limit.
  const visit = (node: unknown, at: JSONPath, mark?: string) => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...at, i], mark));
    if (!isObject(node)) return;
    const own = markTypeOf(node) ?? mark;
    for (const [key, child] of Object.entries(node)) {
      const rule = STYLE_SIZES.find((r) => r.ends.test(key));
      if (rule) size(isObject(child) && 'value' in child ? child.value : child, key, isObject(child) && 'value' in child ? [...at, key, 'value'] : [...at, key], rule);
      // A legend's symbol and a scale config's sizes are points' areas, whatever the mark.
      if (MARK_SIZES.has(key)) markSize(child, key, [...at, key], key === 'size' && own === 'text');
      if (DRAWN_TEXT.has(key)) text(child, key, [...at, key]);
      // `data` holds rows (refused inline anyway), `$schema` and urls are no drawn text.
      if (key !== 'data') visit(child, [...at, key], MARK_TYPES.has(key) && key !== 'mark' ? key : own);
    }
  };
  visit(root, []);
  return problems;
}
