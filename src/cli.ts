#!/usr/bin/env node
// The command line: parses flags, calls the library's commands, prints, and
// is the only place that sets the exit code (0 ok, 1 bad data or spec, 2 usage).
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, UsageError } from './errors.js';
import type { Diagnostic } from './model.js';
import * as messages from './messages.js';
import { progressLine } from './progress/progressLine.js';
import { toolVersions } from './provenance/versions.js';

const out = (line: string) => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');
const printed = new Set<string>();
/** Diagnostics to stderr, each once (a table shared by two charts is reported once). */
const report = (diagnostics: Diagnostic[]) => {
  for (const line of diagnostics.map(formatDiagnostic)) if (!printed.has(line)) (printed.add(line), err(line));
};

const program = new Command()
  .name('citechart')
  .description('Cited CSV figures + Vega-Lite specs → SVG and PNG graphics with their sources drawn in.')
  .version(toolVersions().citechart)
  .exitOverride()
  .showHelpAfterError();

program
  .command('build')
  .description('render every spec in specs/ (or the named ones) to SVG and PNG in output/; charts whose inputs did not change are skipped')
  .argument('[names...]', 'chart names (specs/NAME.vl.json); all when omitted')
  .option('--out <dir>', 'output folder', 'output')
  .option('--force', 'rebuild every chart, even those up to date')
  .option('--formats <list>', 'files to write, comma-separated: svg, png', 'svg,png')
  .option('--jobs <n>', 'charts drawn at once (default: one per core)')
  .action(async (names: string[], options: { out: string; force?: boolean; formats: string; jobs?: string }) => {
    // Commands are imported when run, so `citechart check` never loads the build's modules and vice versa.
    const { build } = await import('./commands/build.js');
    if (options.jobs !== undefined && !/^[1-9]\d*$/.test(options.jobs)) throw new UsageError(messages.build.badJobs(options.jobs));
    const progress = progressLine(process.stderr);
    const result = await build({
      cwd: process.cwd(),
      names,
      outDir: options.out,
      force: options.force,
      formats: options.formats.split(','),
      jobs: options.jobs === undefined ? undefined : Number(options.jobs),
      onProject: report,
      onChart: (chart) => {
        progress.clear();
        report(chart.diagnostics);
        if (chart.ok && !chart.upToDate) out(messages.build.built(chart.name, chart.files));
        else if (!chart.ok) err(messages.build.failed(chart.name, chart.kept));
      },
      onProgress: ({ done, total, name, elapsedMs }) => progress.update(done, total, name, elapsedMs),
    });
    progress.clear();
    const failed = result.charts.filter((c) => !c.ok).length;
    const upToDate = result.charts.filter((c) => c.ok && c.upToDate).length;
    const built = result.charts.length - failed - upToDate;
    out(messages.build.buildSummary({ built, upToDate, failed, seconds: result.elapsedMs / 1000 }));
    process.exitCode = failed ? 1 : 0;
  });

program
  .command('check')
  .description('validate data, sources.csv, the theme and specs; render nothing')
  .action(async () => {
    const { check } = await import('./commands/check.js');
    const diagnostics = await check({ cwd: process.cwd() });
    report(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    out(messages.build.checkSummary(errors, diagnostics.length - errors));
    process.exitCode = errors ? 1 : 0;
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // --help and --version exit 0; anything else commander rejects is a usage error.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    err(`citechart: ${error.message}`);
    process.exitCode = 2;
  } else {
    err(messages.build.internal(error instanceof Error ? (error.stack ?? error.message) : String(error)));
    process.exitCode = 70;
  }
}
