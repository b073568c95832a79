// What a pushed step is, and the columns polars' results carry besides the
// chart's values (runPlan.ts reads them; renderChart.ts reads pushedAggregateKey).
import type { LazyFrame } from './polars.js';

export type Json = Record<string, unknown>;
/** One aggregate op as the aggregate transform writes it (an encoding's aggregate becomes one too). */
export interface Aggregate { op: string; field?: string; as: string }

/** Columns an aggregated frame carries besides its values: the sources of its rows, and how many rows it summarises. */
export const SOURCES = '__citechart_sources';
export const ROWS = '__citechart_rows';
/** The first row of each of SOURCES, aligned with it: the footer numbers sources in the order Vega would meet them. */
export const SOURCE_ROWS = '__citechart_source_rows';
/** Cells an encoding's time unit read that were not dates `YYYY-MM-DD`, per group: any makes runPlan fail, so Vega draws instead. */
export const BAD_DATES = '__citechart_bad_dates';
/** Fields Vega-Lite's count and distinct become, summed in Vega (the sum of one pre-counted row is the count). */
export const COUNT = '__citechart_count';
/** After a joinaggregate, each row's group (its first row): the row then cites its whole group's sources (runPlan.ts). */
export const JOIN_GROUP = '__citechart_join_group';
export const distinctField = (field: string) => `__citechart_distinct_${field}`;

/** Where Vega's scene holds a count or distinct that was pushed (a sum of a pre-counted field, as Vega-Lite names it); undefined for other aggregates. */
export function pushedAggregateKey(aggregate: string, field: string | undefined): string | undefined {
  if (aggregate === 'count') return `sum_${COUNT}`;
  if (aggregate === 'distinct' && field !== undefined) return `sum_${distinctField(field)}`;
  return undefined;
}

export interface PushedStep {
  /** What ran, as the spec writes it. */
  label: string;
  apply(frame: LazyFrame): LazyFrame;
  /** The same step as a SQL SELECT over `from` (planSql.ts chains them). */
  sql(from: string): string;
  /** It groups rows (from here on a row cites the union of its rows' sources). */
  aggregates: boolean;
  /** Columns it reads as dates `YYYY-MM-DD` row by row (a timeUnit transform): polars makes any other form null where Vega would parse it, so runPlan checks them first (an encoding's time unit counts them in its group-by: BAD_DATES). */
  dates?: string[];
  /**
   * Means it computed as polars' sum / n, which rounds otherwise than Vega's
   * running mean (mean += (v - mean) / n: vega-transforms AggregateOps):
   * runPlan replaces each `as` column with Vega's, computed from `rows(frame)`
   * (frame: the rows this step reads) whose columns are MEAN_GROUP (the first
   * row of the row's group, as the result's ROW) and MEAN_VALUE + i (the i-th
   * mean's value, NaN where Vega skips it), in row order. No step follows one.
   */
  /** A joinaggregate: from here on each row's values fold its group's (JOIN_GROUP), so no aggregate follows it (sources would be unions of unions). */
  joins?: boolean;
  /** A fold: from here on a row's ROW is its input row plus i / n (the i-th of n folded fields), so lines and row counts read floor(ROW). */
  folds?: boolean;
  /** Reads what the step needs of the data before it runs (a bin's extent), and writes it into the spec Vega gets: runPlan awaits it on the rows the step reads, before `apply`. */
  prepare?(frame: LazyFrame): Promise<void>;
  means?: { fields: Array<{ field: string; as: string }>; rows(frame: LazyFrame): LazyFrame };
}

