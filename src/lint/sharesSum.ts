import { unescapeField } from '../compile/encodedFields.js';
import type { CitedRow, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { LintRule } from './context.js';
import { tableOf } from './tableOf.js';
import { unitViews, type UnitView } from './unitViews.js';

const PART_MARKS = new Set(['bar', 'area', 'arc']);
const SHARE_NAME = /(^|[^a-z])(share|shares|pct|percent|percentage|proportion)([^a-z]|$)/i;
const PERCENT_TITLE = /%|\bper ?cent|\bpercentage\b|\bpct\b/i;
// A percent that is no part of a whole: a change, growth or rate (`change_pct`, `growth_percent`, `yoy_pct`).
const CHANGE_NAME = /(^|[^a-z])(change|changes|chg|growth|grow|yoy|mom|diff|delta|increase|decrease|rise|fall|rate|rates)([^a-z]|$)/i;

/** Digits after the point as the value was written (90 → 0, 12.5 → 1). */
const decimals = (v: number) => (String(v).split('.')[1] ?? '').length;

/**
 * Parts of a whole must add up to the whole. A column is read as shares when
 * it is named so (share, pct, percent, percentage, proportion; not a change,
 * growth or rate in percent: `change_pct`) and drawn as
 * parts (bar, area, arc), or when the spec stacks it (a colour field, `stack`,
 * a pie's `theta`) and titles it in %. Its drawn rows must sum to 100 (to 1 when
 * every value is ≤ 1 and the format shows %), per facet panel and, for a
 * stack, per position on the other axis — unless the table's rows make
 * wholes the other way round: per part of a stack, or per bar's category
 * (a chart showing one answer of a survey, each group's answers summing to
 * 100). Tolerance: half a unit of the last written decimal per value,
 * e.g. three whole numbers may sum to 98.5–101.5. Skipped for a chart
 * that failed: its error comes first.
 */
export const sharesSum: LintRule = {
  id: 'shares-sum',
  summary: 'shares of a whole (stacked, normalised, a pie, or a column named share/pct) that do not sum to 100 ± rounding',
  check({ charts }) {
    const found: Diagnostic[] = [];
    for (const chart of charts) {
      // A chart that did not render has an error saying why; a cell the
      // loader rejected ("ninety") would only make its sum wrong twice.
      if (!chart.drawn) continue;
      for (const view of unitViews(chart.spec.vegaLite)) {
        if (!PART_MARKS.has(view.mark)) continue;
        const table = tableOf(chart.tables, view.dataFile);
        if (!table) continue;
        const share = shareChannel(view, (column) => table.types[column] === 'number');
        if (!share) continue;
        const drawn = new Set(chart.drawn);
        const valued = table.rows.filter((row) => typeof row.values[share.column] === 'number');
        const off = offWholes(valued.filter((row) => drawn.has(row)), share.column, groupFields(view, share.channel), share.fractions);
        // The wholes may instead be the categories themselves (each group's
        // answers sum to 100 in the table, and the chart shows one answer).
        const alternative = wholeFields(view, share.channel);
        if (!off.length || (alternative.length && !offWholes(valued, share.column, alternative, share.fractions).length)) continue;
        for (const { group, first, sum, tolerance } of off) {
          found.push({
            file: table.file,
            ...first.positions[share.column]!,
            severity: 'warning',
            message: messages.lint.sharesSum(share.column, round(sum), group, round(tolerance)),
          });
        }
      }
    }
    return found;
  },
};

const round = (v: number) => String(Math.round(v * 1e6) / 1e6);

/** The groups whose shares do not make a whole, in percent (fractions scaled up). */
function offWholes(rows: CitedRow[], column: string, fields: string[], fractions: boolean) {
  const off: { group: string; first: CitedRow; sum: number; tolerance: number }[] = [];
  for (const [group, members] of groupRows(rows, fields)) {
    const values = members.map((row) => row.values[column] as number);
    const scale = fractions && values.every((v) => v <= 1) ? 100 : 1;
    const sum = values.reduce((a, b) => a + b, 0) * scale;
    // A loop, not Math.max(...values): a spread of a table's rows overflows the stack.
    const places = values.reduce((most, v) => Math.max(most, decimals(v)), -Infinity);
    const tolerance = values.length * 0.5 * 10 ** -places * scale;
    if (Math.abs(sum - 100) > tolerance + 1e-9) off.push({ group, first: members[0]!, sum, tolerance });
  }
  return off;
}

function shareChannel(view: UnitView, isNumber: (column: string) => boolean) {
  // Bars side by side (an xOffset/yOffset) are grouped, not stacked.
  const grouped = view.encoding.xOffset !== undefined || view.encoding.yOffset !== undefined;
  const stackedByColor = view.mark !== 'arc' && !grouped && partsField(view) !== undefined;
  for (const channel of ['theta', 'x', 'y']) {
    const def = view.encoding[channel]?.def;
    if (!def || def.type !== 'quantitative' || typeof def.field !== 'string') continue;
    if (def.aggregate !== undefined && def.aggregate !== 'sum') continue;
    const column = unescapeField(def.field);
    if (!isNumber(column)) continue;
    const guide = (def.axis ?? def.legend) as Record<string, unknown> | null | undefined;
    const format = [def.format, guide?.format].find((f) => typeof f === 'string') as string | undefined;
    const title = [def.title, guide?.title].filter((t) => typeof t === 'string').join(' ');
    const percent = PERCENT_TITLE.test(title) || !!format?.includes('%');
    const unstacked = def.stack === null || def.stack === false;
    const stacked = channel === 'theta' || (!unstacked && (def.stack !== undefined || stackedByColor));
    // A normalised stack draws raw amounts (tonnes, TWh) as % of their total:
    // its % axis says nothing of the column, which only its name can.
    const normalised = def.stack === 'normalize';
    if ((SHARE_NAME.test(column) && !CHANGE_NAME.test(column)) || (stacked && percent && !normalised)) return { channel, column, fractions: format?.includes('%') ?? false };
  }
  return undefined;
}

/** The fields that split a chart into separate wholes: facet panels, and for a stack the other axis. */
function groupFields(view: UnitView, channel: string): string[] {
  const fields = [...view.facetFields];
  const other = channel === 'x' ? 'y' : channel === 'y' ? 'x' : undefined;
  const otherField = other && view.encoding[other]?.def.field;
  if (partsField(view) !== undefined && typeof otherField === 'string') fields.push(otherField);
  return fields.map(unescapeField);
}

/**
 * The other reading of what makes a whole: in a stack, each part's values
 * across the stacks; in plain bars, each bar's category across the table.
 */
function wholeFields(view: UnitView, channel: string): string[] {
  const parts = partsField(view);
  const other = channel === 'x' ? 'y' : channel === 'y' ? 'x' : undefined;
  const category = other && view.encoding[other]?.def.field;
  const field = parts ?? (typeof category === 'string' ? category : undefined);
  return field === undefined ? [] : [...view.facetFields, field].map(unescapeField);
}

/**
 * The field whose values are the stacked parts (colour or detail), when it
 * differs from the category axis: a bar chart coloured by its own categories
 * is not a stack.
 */
function partsField(view: UnitView): string | undefined {
  const axisFields = new Set([view.encoding.x?.def.field, view.encoding.y?.def.field]);
  for (const channel of ['color', 'detail']) {
    const field = view.encoding[channel]?.def.field;
    if (typeof field === 'string' && !axisFields.has(field)) return field;
  }
  return undefined;
}

function groupRows(rows: CitedRow[], fields: string[]): Map<string, CitedRow[]> {
  const groups = new Map<string, CitedRow[]>();
  for (const row of rows) {
    const key = fields.map((f) => `${f} ${JSON.stringify(row.values[f] ?? null)}`).join(', ');
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
