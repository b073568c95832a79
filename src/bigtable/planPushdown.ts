// Which of a chart's leading transforms run in polars, and what Vega gets.
//
//   spec.transform[0..k) ──► polars (PushedStep.apply, on the lazy scan)
//   encoding aggregates  ──► polars, when every transform before them went
//   the rest             ──► Vega, on the rows polars returns
//
// A step is pushed only when polars computes exactly what Vega would
// (JavaScript's null rules, first-appearance group order, UTC time units);
// the first one that is not stops the pushdown, and it and everything after
// it run in Vega. Like VegaFusion's planner, this only plans: runPlan.ts runs it.
import type { ColumnType } from '../model.js';
import { aggregateStep } from './aggregateStep.js';
import { binStep } from './binStep.js';
import { foldStep } from './foldStep.js';
import { joinAggregateStep } from './joinAggregateStep.js';
import { windowStep } from './windowStep.js';
import { planEncoding } from './planEncoding.js';
import type { PL } from './polars.js';
import type { Aggregate, Json, PushedStep } from './pushedStep.js';
import { timeUnitOf, truncateDate, truncateSql } from './timeUnits.js';
import { translatePredicate } from './translatePredicate.js';
import { sqlName, translateExpression, Untranslatable } from './translateExpression.js';

export { BAD_DATES, ROWS, SOURCE_ROWS, SOURCES, pushedAggregateKey, type PushedStep } from './pushedStep.js';
export { notDates } from './timeUnits.js';

export interface Plan {
  steps: PushedStep[];
  /** The spec Vega gets: the pushed transforms removed, pushed encoding aggregates made idempotent. */
  vegaLite: Record<string, unknown>;
  /** Transforms left to Vega, as the spec writes them. */
  left: string[];
  /** The first step not pushed, and why. */
  stopped?: { label: string; reason: string };
}

/**
 * Plans the pushdown of a spec whose top-level `data` is the big table
 * (`columns`: its value columns and types). `config` is the spec's config
 * over the theme's (for Vega-Lite's default count title). Never throws for
 * a spec: what cannot be pushed is left to Vega with the reason.
 */
export function planPushdown(pl: PL, vegaLite: Json, columns: ReadonlyMap<string, ColumnType>, config: Json = {}, wholeSums: ReadonlySet<string> = new Set()): Plan {
  const spec = structuredClone(vegaLite);
  const types = new Map(columns);
  // Whole-number columns a calculate has not replaced: summed in any order, exactly.
  const whole = new Set(wholeSums);
  const steps: PushedStep[] = [];
  const transforms = Array.isArray(spec.transform) ? (spec.transform as Json[]) : [];
  let aggregated = false;
  let pushed = 0;
  let stopped: Plan['stopped'];
  for (const transform of transforms) {
    const label = JSON.stringify(transform);
    if (steps.at(-1)?.means) {
      stopped = { label, reason: 'a step after a mean (its exact value, Vega\'s running mean, is computed after polars)' };
      break;
    }
    try {
      const step = planTransform(pl, transform, types, aggregated, label, whole);
      steps.push(step);
      aggregated ||= step.aggregates || step.joins === true;
      pushed += 1;
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      stopped = { label, reason: error.message };
      break;
    }
  }
  const rest = transforms.slice(pushed);
  if (rest.length) spec.transform = rest;
  else delete spec.transform;
  if (!stopped && !aggregated) {
    try {
      const step = planEncoding(pl, spec, types, config, whole);
      if (step) steps.push(step);
    } catch (error) {
      if (!(error instanceof Untranslatable)) throw error;
      stopped = { label: 'encoding aggregates', reason: error.message };
    }
  }
  return { steps, vegaLite: spec, left: rest.map((t) => JSON.stringify(t)), ...(stopped && { stopped }) };
}

function planTransform(pl: PL, transform: Json, types: Map<string, ColumnType>, aggregated: boolean, label: string, whole: Set<string>): PushedStep {
  if ('filter' in transform) {
    const predicate = translatePredicate(pl, transform.filter, types);
    return { label, aggregates: false, apply: (frame) => frame.filter(predicate.expr), sql: (from) => `SELECT * FROM ${from} WHERE ${predicate.sql}` };
  }
  if ('calculate' in transform && typeof transform.calculate === 'string' && typeof transform.as === 'string') {
    const value = translateExpression(pl, transform.calculate, types);
    if (value.kind !== 'number') throw new Untranslatable(`a calculate that makes a ${value.kind} (only numbers are pushed)`);
    const as = transform.as;
    // Vega overwrites a field of that name: DuckDB's REPLACE says so.
    const replaces = types.has(as);
    types.set(as, 'number');
    whole.delete(as);
    return {
      label,
      aggregates: false,
      apply: (frame) => frame.withColumns(value.expr.alias(as)),
      sql: (from) => (replaces ? `SELECT * REPLACE (${value.sql} AS ${sqlName(as)}) FROM ${from}` : `SELECT *, ${value.sql} AS ${sqlName(as)} FROM ${from}`),
    };
  }
  if ('timeUnit' in transform && typeof transform.field === 'string' && typeof transform.as === 'string') {
    const unit = timeUnitOf(transform.timeUnit);
    if (types.get(transform.field) !== 'string') throw new Untranslatable(`timeUnit of ${transform.field}, not a column of dates written YYYY-MM-DD`);
    const field = transform.field;
    const as = transform.as;
    types.set(as, 'string');
    return { label, aggregates: false, dates: [field], apply: (frame) => frame.withColumns(truncateDate(pl, field, unit).alias(as)), sql: (from) => `SELECT *, ${truncateSql(field, unit)} AS ${sqlName(as)} FROM ${from}` };
  }
  if ('fold' in transform) return foldStep(pl, transform, label, types, whole);
  if ('bin' in transform && transform.bin) return binStep(pl, transform, label, types, whole);
  if ('window' in transform && Array.isArray(transform.window)) {
    if (aggregated) throw new Untranslatable('a window after an aggregate or joinaggregate (sources would be unions of unions)');
    return windowStep(pl, transform, label, types, whole);
  }
  if ('joinaggregate' in transform && Array.isArray(transform.joinaggregate)) {
    if (aggregated) throw new Untranslatable('a joinaggregate after an aggregate or joinaggregate (sources would be unions of unions)');
    return joinAggregateStep(pl, transform, label, types, whole);
  }
  if ('aggregate' in transform && Array.isArray(transform.aggregate)) {
    if (aggregated) throw new Untranslatable('an aggregate after an aggregate or joinaggregate (sources would be unions of unions)');
    const groupby = transform.groupby ?? [];
    if (!Array.isArray(groupby) || !groupby.every((g) => typeof g === 'string' && types.has(g))) throw new Untranslatable('a groupby that is not columns of the table');
    const ops = (transform.aggregate as Json[]).map((a): Aggregate => {
      if (typeof a.op !== 'string' || typeof a.as !== 'string') throw new Untranslatable('an aggregate without op or as');
      return { op: a.op, ...(typeof a.field === 'string' && { field: a.field }), as: a.as };
    });
    return aggregateStep(pl, label, groupby as string[], ops, types, whole);
  }
  throw new Untranslatable(`${Object.keys(transform)[0] ?? 'this'} is not translated to polars`);
}

