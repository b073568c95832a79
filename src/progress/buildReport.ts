// What `citechart build` prints, shared by the command line (cliProgram.ts)
// and the launcher's up-to-date check (src/startup/upToDateBuild.ts), so the
// two can never print a build differently.
import type { BuildResult, ChartResult } from '../commands/build.js';
import { formatDiagnostic } from '../errors.js';
import type { Diagnostic } from '../model.js';
import * as messages from '../messages.js';
import type { Shard } from '../shard/shardOf.js';
import { progressLine, type ProgressStream } from './progressLine.js';

/** Where the report goes: whole lines to stdout and stderr, and the stream the progress line redraws on (stderr). */
export interface ReportStreams {
  out: (line: string) => void;
  err: (line: string) => void;
  progress: ProgressStream;
}

/**
 * build()'s callbacks that print a build as it goes: project and chart
 * diagnostics on stderr, each line once (a table shared by two charts is
 * reported once); a line per chart drawn on stdout, one per chart failed on
 * stderr; a progress line on a terminal. `finish` prints the files removed,
 * the shard line and the summary, and returns the exit code (1 when a chart
 * failed, else 0).
 */
export function buildReport({ out, err, progress: stream }: ReportStreams, env: NodeJS.ProcessEnv = process.env) {
  const printed = new Set<string>();
  const report = (diagnostics: Diagnostic[]) => {
    for (const line of diagnostics.map(formatDiagnostic)) if (!printed.has(line)) (printed.add(line), err(line));
  };
  const progress = progressLine(stream, env);
  return {
    onProject: report,
    onChart: (chart: ChartResult) => {
      progress.clear();
      report(chart.diagnostics);
      if (chart.ok && !chart.upToDate) out(messages.build.built(chart.name, chart.files));
      else if (!chart.ok) err(messages.build.failed(chart.name, chart.kept));
    },
    onProgress: ({ done, total, name, elapsedMs }: { done: number; total: number; name: string; elapsedMs: number }) => progress.update(done, total, name, elapsedMs),
    finish: (result: BuildResult, shard?: Shard): number => {
      progress.clear();
      for (const file of result.removed) out(messages.build.removed(file));
      const failed = result.charts.filter((c) => !c.ok).length;
      const upToDate = result.charts.filter((c) => c.ok && c.upToDate).length;
      const built = result.charts.length - failed - upToDate;
      if (shard && result.shard) out(messages.shard.built(`${shard.index}/${shard.count}`, result.charts.length, result.shard.total, result.shard.file));
      out(messages.build.buildSummary({ built, upToDate, failed, seconds: result.elapsedMs / 1000 }));
      return failed ? 1 : 0;
    },
  };
}
