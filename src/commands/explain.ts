import { explainPushdown } from '../bigtable/explainPushdown.js';
import * as messages from '../messages.js';
import { UsageError } from '../errors.js';
import { listSpecs, openProject } from '../project.js';
import { renderChart } from '../renderChart.js';

/**
 * `build --explain NAME`: draws the chart once in this thread (no PNG, no
 * file written), counting the rows in and out of every step polars runs,
 * and returns the explanation (src/bigtable/explainPushdown.ts). Throws
 * UsageError for an unknown chart.
 */
export async function explainChart(options: { cwd: string; name: string }): Promise<string> {
  const known = await listSpecs(options.cwd);
  if (!known.includes(options.name)) throw new UsageError(messages.build.unknownChart(options.name, known));
  const project = await openProject(options.cwd);
  const rendered = await renderChart(project, options.name, { png: false, explain: true });
  return explainPushdown(options.name, rendered.pushdowns ?? [], rendered.drawn?.length ?? 0);
}
