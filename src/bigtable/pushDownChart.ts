import type { ChartSpec } from '../compile/readSpec.js';
import type { CitedTable, Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import { pushdownEnabled, type BigTableKind } from './bigTableFile.js';
import type { BigTable } from './openBigTable.js';
import { planPushdown, type Plan } from './planPushdown.js';
import { namedColumns } from './namedColumns.js';
import { polarsReason } from './polars.js';
import { runPlan, type StepCount } from './runPlan.js';

/** What ran where for one big table of a chart: `--explain` prints it. */
export interface Pushdown {
  file: string;
  kind: BigTableKind;
  plan: Plan;
  /** Rows in and out of each pushed step (only with `explain`). */
  counts?: StepCount[];
  rowsRead: number;
  rowsToVega: number;
  /** polars failed on the data: every transform ran in Vega (a warning says why). */
  fellBack?: string;
}

export interface BigTableSource {
  /** A big table opened once per project (src/project.ts), or undefined when `file` is not one. */
  bigTable(file: string): Promise<{ table?: BigTable; diagnostics: Diagnostic[] } | undefined>;
  theme?: { value: unknown };
  cwd: string;
}

/**
 * The big tables a chart draws (src/bigtable/bigTableFile.ts), run through
 * polars: the spec's leading transforms and encoding aggregates pushed when
 * the big table is its top-level data and its only table
 * (planPushdown.ts), the rows Vega then needs returned as CitedTables keyed
 * by file, and the spec with the pushed steps taken out. A spec with no big
 * table comes back unchanged with no tables. Errors are the big tables'
 * (openBigTable.ts); a plan polars cannot run on the data falls back to
 * Vega with a warning at the spec's data url.
 */
export async function pushDownChart<S extends ChartSpec>(
  project: BigTableSource,
  spec: S,
  options: { enabled?: boolean; explain?: boolean } = {},
): Promise<PushedDown<S>> {
  // Started ahead by prefetchPushdown for this very spec text: taken once.
  const key = options.enabled === undefined && !options.explain ? prefetchKey(spec) : undefined;
  const early = key === undefined ? undefined : started.get(project)?.get(key);
  if (early) {
    started.get(project)!.delete(key!);
    const ran = await early;
    // The caller's own spec object, with the Vega-Lite the run left (equal to what it would have computed).
    return { ...ran.result, spec: ran.result.spec === ran.spec ? spec : { ...spec, vegaLite: ran.result.spec.vegaLite } };
  }
  return pushDown(project, spec, options);
}

type PushedDown<S extends ChartSpec> = { spec: S; tables: Map<string, CitedTable>; diagnostics: Diagnostic[]; pushdowns: Pushdown[] };

/** Pushdowns started ahead of their chart (prefetchPushdown.ts), per project, by prefetchKey. */
const started = new WeakMap<BigTableSource, Map<string, Promise<{ spec: ChartSpec; result: PushedDown<ChartSpec> }>>>();

/** What a pushdown depends on besides the project: the spec's Vega-Lite and its data references. */
const prefetchKey = (spec: ChartSpec): string => JSON.stringify([spec.vegaLite, spec.dataRefs.map((ref) => [ref.file, ref.jsonPath])]);

/**
 * Starts pushDownChart for `spec` (as read, before it is drawn) and keeps
 * the result for the first pushDownChart of an equal spec in `project`
 * (then forgotten). Returns the run, which never rejects (a failure is left
 * for that call to report: it runs again).
 */
export function startPushdown(project: BigTableSource, spec: ChartSpec): Promise<unknown> {
  const key = prefetchKey(spec);
  let runs = started.get(project);
  if (!runs) started.set(project, (runs = new Map()));
  if (runs.has(key)) return runs.get(key)!.catch(() => undefined);
  const run = pushDown(project, spec, {}).then((result) => ({ spec, result }));
  runs.set(key, run);
  // A failed run is dropped: the chart's own call runs it again and reports it.
  return run.catch(() => {
    if (runs.get(key) === run) runs.delete(key);
  });
}

async function pushDown<S extends ChartSpec>(project: BigTableSource, spec: S, options: { enabled?: boolean; explain?: boolean }): Promise<PushedDown<S>> {
  const tables = new Map<string, CitedTable>();
  const diagnostics: Diagnostic[] = [];
  const pushdowns: Pushdown[] = [];
  let vegaLite = spec.vegaLite;
  for (const ref of spec.dataRefs) {
    if (tables.has(ref.file)) continue;
    // bigTable locates the file itself, once per project (a link out, a FIFO: not a big table).
    const opened = await project.bigTable(ref.file);
    if (!opened) continue;
    for (const d of opened.diagnostics) diagnostics.push(d);
    const big = opened.table;
    if (!big || opened.diagnostics.some((d) => d.severity === 'error')) continue;
    const alone = spec.dataRefs.every((other) => other.file === ref.file) && spec.dataRefs.length === 1 && ref.jsonPath.length === 1;
    const config = { ...(project.theme?.value as Record<string, unknown> | undefined), ...(spec.vegaLite.config as Record<string, unknown> | undefined) };
    const columns = new Map(big.columns.map((name) => [name, big.types[name]!]));
    const none: Plan = { steps: [], vegaLite: spec.vegaLite, left: [] };
    const plan = alone && options.enabled !== false && pushdownEnabled() ? planPushdown(big.polars, spec.vegaLite, columns, config, big.wholeSums) : none;
    // The columns the spec names (a superset of those its steps read): a held CSV answers from memory when it holds them.
    const needed = [...namedColumns(JSON.stringify(spec.vegaLite), big.columns)];
    const attempt = async (tried: Plan) => {
      try {
        return { ran: await runPlan(big, tried, options.explain, needed) };
      } catch (error) {
        // A column read but not named (a name written with a \u escape) is missing from memory: read from the file before giving up.
        if (!big.inMemory || big.heldColumns.size === big.columns.length || !tried.steps.length) return { failed: polarsReason(error) };
        try {
          return { ran: await runPlan(big, tried, options.explain) };
        } catch (again) {
          return { failed: polarsReason(again) };
        }
      }
    };
    let result = await attempt(plan);
    let fellBack: string | undefined;
    if (result.failed !== undefined && plan.steps.length) {
      fellBack = result.failed;
      diagnostics.push(spec.json.diagnostic([...ref.jsonPath, 'url'], messages.load.pushdownFailed(ref.file, fellBack), 'warning'));
      result = await attempt(none);
    }
    // The file changed or broke since it was opened: an error at the file, never a stack trace.
    if (!result.ran) {
      diagnostics.push({ file: ref.file, severity: 'error', message: messages.load.bigTableUnreadable(ref.file, result.failed ?? '') });
      continue;
    }
    const ran = result.ran;
    const used = fellBack ? none : plan;
    vegaLite = used.vegaLite;
    tables.set(ref.file, ran.table);
    pushdowns.push({ file: ref.file, kind: big.kind, plan: used, ...(ran.counts && { counts: ran.counts }), rowsRead: big.rows, rowsToVega: ran.table.rows.length, ...(fellBack && { fellBack }) });
  }
  return { spec: vegaLite === spec.vegaLite ? spec : { ...spec, vegaLite }, tables, diagnostics, pushdowns };
}
