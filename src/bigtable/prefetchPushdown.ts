// The polars work of a big table's charts started before each is drawn, so
// that it overlaps what runs in JavaScript alone: the first chart's (the
// table's parse above all) while fonts and Vega load, each next chart's
// while the one before is drawn by Vega and sharp. On 2 cores polars' queries
// use both; Vega uses one.
import { hasErrors } from '../errors.js';
import { readChartSpec } from '../locale/readEdition.js';
import type { Project } from '../project.js';
import { startPushdown } from './pushDownChart.js';

/**
 * A function that starts chart `name`'s pushdown (src/bigtable/pushDownChart.ts:
 * its spec read as renderChart reads it, then startPushdown), each after the
 * one asked before it has finished, never two at once: the charts' own
 * pushDownChart calls then take the results. Asked in drawing order, one
 * chart ahead (src/commands/build.ts), so at most two results wait. A spec
 * that cannot be read is skipped (its chart reports it when drawn); nothing
 * it starts rejects. The returned promise settles when this one's run has (for tests: build does not wait).
 */
export function pushdownPrefetcher(project: Project): (name: string) => Promise<unknown> {
  let last: Promise<unknown> = Promise.resolve();
  return (name) => {
    return (last = last
      .then(async () => {
        const read = await readChartSpec(project.cwd, name);
        if (read.spec && !hasErrors(read.diagnostics)) await startPushdown(project, read.spec);
      })
      .catch(() => undefined));
  };
}
