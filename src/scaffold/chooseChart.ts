import { escapeField } from '../compile/encodedFields.js';
import { isPercentColumn } from '../lint/isPercentColumn.js';
import type { CitedTable } from '../model.js';
import { columnRoles, timeUnitOf } from './columnRoles.js';
import { publishableTitle } from './publishableTitle.js';

/** A title with "(%)" for a column written as percentages, unless its name said so already. */
const withPercent = (title: string, percent: boolean) => (percent && !title.includes('%') ? `${title} (%)` : title);

/** A first Vega-Lite chart for a table, and what kind it is (said to the user). */
export interface ChosenChart {
  kind: string;
  /** The spec's `mark`, `encoding` and size: everything but data, title and usermeta. */
  body: Record<string, unknown>;
}

/** A column name as an axis title (`exports_usd` → `Exports ($)`): see publishableTitle. */
export const humanise = publishableTitle;

/**
 * Picks the usual chart for the table's first columns of each kind:
 * time + number → line (coloured by a category when there is one);
 * category + number → horizontal bars sorted by value; two numbers →
 * scatter; categories only → bars counting rows; one number → strip.
 */
export function chooseChart(table: CitedTable): ChosenChart {
  const roles = columnRoles(table);
  const of = (role: string) => table.columns.filter((c) => roles[c] === role);
  const [time] = of('temporal');
  const [value, second] = of('quantitative');
  const [category] = of('nominal');
  // A column written as `90%` has its unit known: say it on the axis.
  const field = (column: string, type: string, extra: Record<string, unknown> = {}) => ({
    field: escapeField(column),
    type,
    ...(type === 'temporal' && timeUnitOf(table, column) ? { timeUnit: timeUnitOf(table, column) } : {}),
    title: withPercent(humanise(column), isPercentColumn(table, column)),
    ...extra,
  });
  // Horizontal bars, one row a category, longest first; the category names are the axis.
  const barsByCategory = (column: string, x: Record<string, unknown>) => ({
    width: 420,
    height: { step: 28 },
    mark: 'bar',
    encoding: { y: field(column, 'nominal', { sort: '-x', title: null }), x },
  });

  if (time && value) {
    return {
      kind: 'line chart',
      body: {
        width: 480,
        height: 300,
        mark: { type: 'line', point: true },
        encoding: {
          x: field(time, 'temporal'),
          y: field(value, 'quantitative'),
          ...(category ? { color: field(category, 'nominal') } : {}),
        },
      },
    };
  }
  if (category && value) {
    return { kind: 'bar chart sorted by value', body: barsByCategory(category, field(value, 'quantitative')) };
  }
  if (value && second) {
    return {
      kind: 'scatter plot',
      body: { width: 400, height: 400, mark: 'point', encoding: { x: field(value, 'quantitative'), y: field(second, 'quantitative') } },
    };
  }
  if (category) {
    return { kind: 'bar chart counting rows', body: barsByCategory(category, { aggregate: 'count', type: 'quantitative', title: 'Number of rows' }) };
  }
  const only = value ?? time ?? table.columns[0]!;
  return {
    kind: 'strip plot',
    body: { width: 420, mark: 'tick', encoding: { x: field(only, roles[only] === 'temporal' ? 'temporal' : 'quantitative') } },
  };
}
