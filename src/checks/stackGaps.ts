import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { PlottedCell, PlottedChannel } from './plottedChannels.js';

const GROUPING = ['color', 'fill', 'stroke', 'detail'];

/**
 * A series of a stacked area chart with no row at a point of the other
 * axis that other series have, between its own first and last points:
 * Vega-Lite stacks areas with the missing value imputed as 0, so the chart
 * draws the series falling to zero there (gas exports of 0 in March) while
 * the table has no figure for it. A warning at the series' first row after
 * the gap, naming the missing point (rule `stack-signs`: how a stack
 * draws what it is given). Only where the drawn rows are the table's
 * (plottedChannels: no transform or aggregate), for an area stacked by a
 * colour or detail field. A series that starts late or ends early is not
 * flagged: zero before it exists is what a reader expects.
 */
export function checkStackGaps(channels: PlottedChannel[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const c of channels) {
    if (c.view.mark !== 'area' || (c.channel !== 'x' && c.channel !== 'y') || c.def.type !== 'quantitative' || !c.cells || !c.table) continue;
    if (c.def.stack === null || c.def.stack === false) continue;
    const along = c.view.encoding[c.channel === 'y' ? 'x' : 'y'];
    const split = GROUPING.map((g) => c.view.encoding[g]).find((d) => typeof d?.def.field === 'string');
    if (!along || !split || typeof along.def.field !== 'string') continue;
    const rows = c.table.rows;
    const at = (field: string) => rows.map((row) => row.values[field] ?? null);
    const points = at(along.def.field);
    const series = at(split.def.field as string);
    const order = pointOrder(points, along.def.type === 'temporal' || along.def.timeUnit !== undefined);
    if (!order) continue;
    const rank = new Map(order.map((p, i) => [p, i]));
    const splitField = split.def.field as string;
    const bySeries = new Map<unknown, Array<{ rank: number; cell: Pick<PlottedCell, 'line' | 'column'> }>>();
    points.forEach((p, i) => {
      if (p === null) return;
      const list = bySeries.get(series[i]) ?? [];
      // At the series' name in that row, where an editor looks for the row.
      list.push({ rank: rank.get(p)!, cell: rows[i]!.positions?.[splitField] ?? c.cells![i]! });
      bySeries.set(series[i], list);
    });
    for (const [name, list] of bySeries) {
      list.sort((a, b) => a.rank - b.rank);
      for (let i = 1; i < list.length; i++) {
        if (list[i]!.rank - list[i - 1]!.rank <= 1) continue;
        const missing = order[list[i - 1]!.rank + 1]!;
        const cell = list[i]!.cell;
        found.push({ file: c.table.file, line: cell.line, column: cell.column, severity: 'warning', rule: 'stack-signs', message: messages.checks.stackGap(String(name), String(missing), c.field) });
        break;
      }
    }
  }
  return found;
}

/** The distinct points of the other axis in drawing order (dates by time, numbers by value, text as first seen), or undefined when they cannot be ordered. */
function pointOrder(points: unknown[], dates: boolean): unknown[] | undefined {
  const distinct = [...new Set(points.filter((p) => p !== null))];
  if (dates) {
    const time = (p: unknown) => (typeof p === 'number' ? Date.UTC(p, 0, 1) : new Date(String(p)).getTime());
    if (distinct.some((p) => Number.isNaN(time(p)))) return undefined;
    return distinct.sort((a, b) => time(a) - time(b));
  }
  return distinct.every((p) => typeof p === 'number') ? distinct.sort((a, b) => (a as number) - (b as number)) : distinct;
}
