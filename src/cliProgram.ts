// The command line: parses flags, calls the library's commands, prints, and
// is the only place that sets the exit code (0 ok, 1 bad data or spec, 2 usage).
// src/cli.ts runs it; src/startup/snapshotEntry.ts keeps it in a startup snapshot.
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostic, UsageError } from './errors.js';
import { RULES } from './lint/runLint.js';
import type { Diagnostic } from './model.js';
import * as messages from './messages.js';
import { buildReport } from './progress/buildReport.js';
import { BUILD_DEFAULTS } from './commands/buildDefaults.js';
import { DEFAULT_PORT } from './watch/defaultPort.js';
import { OutputError } from './write/outputError.js';
import { toolVersions } from './provenance/versions.js';
import { LIMITS } from './limits.js';
import { raiseInterruptBudget } from './startup/jitBudget.js';
import { keepGoingWhenStdoutCloses } from './closedStdout.js';

const out = (line: string) => process.stdout.write(line + '\n');
const err = (line: string) => process.stderr.write(line + '\n');
const printed = new Set<string>();
/** Diagnostics to stderr, each once (a table shared by two charts is reported once). */
const report = (diagnostics: Diagnostic[]) => {
  for (const line of diagnostics.map(formatDiagnostic)) if (!printed.has(line)) (printed.add(line), err(line));
};

/**
 * Runs one command line (`argv` as process.argv: node, script, then the
 * arguments) and sets process.exitCode; never throws.
 */
export async function runCli(argv: string[]): Promise<void> {
  // Before any chart code runs, so every function (the workers' too) gets the budget (startup/jitBudget.ts).
  raiseInterruptBudget();
  // `citechart build | head -1`: the build goes on once its reader is gone (closedStdout.ts).
  keepGoingWhenStdoutCloses();
  const program = new Command()
    .name('citechart')
    .description('Cited CSV figures + Vega-Lite specs → SVG and PNG graphics with their sources drawn in.')
    .version(toolVersions().citechart)
    .exitOverride()
    .showHelpAfterError()
    // A malformed CITECHART_* setting is refused before any command reads a table.
    .hook('preAction', async () => {
      const { checkEnvironment } = await import('./checkEnvironment.js');
      checkEnvironment();
    });

  program
    .command('build')
    .description('render every spec in specs/ (or the named ones) to SVG, PNG and an HTML snippet in output/; charts whose inputs did not change are skipped')
    .argument('[names...]', 'chart names (specs/NAME.vl.json); all when omitted')
    .option('--out <dir>', 'output folder', BUILD_DEFAULTS.out)
    .addOption(new Option('--theme <scheme>', 'colour scheme of SVG and PNG').choices(['light', 'dark']).default(BUILD_DEFAULTS.theme))
    .option('--force', 'rebuild every chart, even those up to date')
    .option('--formats <list>', 'files to write, comma-separated: svg, png, html, pdf', BUILD_DEFAULTS.formats)
    .option('--scale <n>', 'PNG pixels per CSS pixel, 0.5 to 8 (default: the theme\'s, else 2)')
    .option('--jobs <n>', 'charts drawn at once (default: one per core)')
    .option('--explain <name>', 'print what of chart NAME ran in polars and what in Vega, with row counts and the polars part as SQL (big tables), then build')
    .option('--shard <K/N>', 'draw only shard K of N (a slice by chart name, the same on every machine) and write manifest.shard-K-of-N.json in the output folder')
    .action(async (names: string[], options: { out: string; theme: 'light' | 'dark'; force?: boolean; formats: string; jobs?: string; shard?: string; scale?: string; explain?: string }) => {
      // Commands are imported when run, so `citechart check` never loads the build's modules and vice versa.
      const { build } = await import('./commands/build.js');
      if (options.jobs !== undefined && !/^[1-9]\d*$/.test(options.jobs)) throw new UsageError(messages.build.badJobs(options.jobs));
      const { parseShard } = await import('./shard/shardOf.js');
      const shard = options.shard === undefined ? undefined : parseShard(options.shard);
      if (options.shard !== undefined && !shard) throw new UsageError(messages.shard.badShard(options.shard, LIMITS.shards));
      const { parseScale, PNG_SCALE_LIMITS } = await import('./render/pngScale.js');
      const scale = options.scale === undefined ? undefined : parseScale(options.scale);
      if (options.scale !== undefined && scale === undefined) throw new UsageError(messages.build.badScale(options.scale, PNG_SCALE_LIMITS.min, PNG_SCALE_LIMITS.max));
      if (options.explain !== undefined) {
        const { explainChart } = await import('./commands/explain.js');
        out((await explainChart({ cwd: process.cwd(), name: options.explain })).trimEnd());
      }
      const reporter = buildReport({ out, err, progress: process.stderr });
      const result = await build({
        cwd: process.cwd(),
        names,
        outDir: options.out,
        theme: options.theme === 'dark' ? 'dark' : undefined,
        force: options.force,
        formats: options.formats.split(','),
        jobs: options.jobs === undefined ? undefined : Number(options.jobs),
        shard,
        ...(scale !== undefined && { scale }),
        onProject: reporter.onProject,
        onChart: reporter.onChart,
        onProgress: reporter.onProgress,
      });
      process.exitCode = reporter.finish(result, shard);
    });

  program
    .command('manifest')
    .description("join the shard manifests of a sharded build (build --shard K/N on N machines) into output/manifest.json and output/index.html, as one build writes them")
    .requiredOption('--merge <files...>', 'the shard manifests, e.g. output/manifest.shard-*.json')
    .option('--out <dir>', 'output folder holding every shard\'s graphics', 'output')
    .action(async (options: { merge: string[]; out: string }) => {
      const { mergeManifests } = await import('./commands/manifest.js');
      const result = await mergeManifests({ cwd: process.cwd(), files: options.merge, outDir: options.out });
      report(result.diagnostics);
      for (const file of result.removed) out(messages.build.removed(file));
      if (result.written) out(messages.shard.merged(options.merge.length, result.written.charts, result.written.file));
      else err(messages.shard.nothingMerged());
      process.exitCode = result.written ? 0 : 1;
    });

  program
    .command('check')
    .description('validate every file and warn like a graphics editor; write nothing')
    .addHelpText('after', '\nEditorial warnings (rule ids):\n' + RULES.map((rule) => `  ${rule.id.padEnd(18)} ${rule.summary}`).join('\n'))
    .addOption(new Option('--format <format>', 'text: path:line:col lines on stderr; json: an array on stdout').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      const { check, diagnosticJson } = await import('./commands/check.js');
      const diagnostics = await check({ cwd: process.cwd() });
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      if (options.format === 'json') out(JSON.stringify(diagnostics.map(diagnosticJson), null, 2));
      else {
        report(diagnostics);
        out(messages.build.checkSummary(errors, diagnostics.length - errors));
      }
      process.exitCode = errors ? 1 : 0;
    });

  program
    .command('watch')
    .description('build, then rebuild charts as their files are saved, with a live preview page on 127.0.0.1')
    .option('--port <number>', 'port to serve the preview on; 0 picks a free one', String(DEFAULT_PORT))
    .action(async (options: { port: string }) => {
      const port = Number(options.port);
      if (!/^\d+$/.test(options.port) || port > 65535) throw new UsageError(messages.watch.badPort(options.port));
      // Unlike build, watch reports a problem again each time it recurs; sources.csv's only when they change.
      let projectReport = '';
      const { watch } = await import('./commands/watch.js');
      const session = await watch({
        cwd: process.cwd(),
        port,
        onListening: (url) => out(messages.watch.listening(url)),
        onProject: (diagnostics) => {
          const lines = diagnostics.map(formatDiagnostic).join('\n');
          if (lines && lines !== projectReport) err(lines);
          projectReport = lines;
        },
        onChart: (chart, ms) => {
          for (const d of chart.diagnostics) err(formatDiagnostic(d));
          // A chart whose files already match its inputs was not drawn: say so, not "rebuilt in 4 ms".
          if (chart.ok) out(chart.upToDate ? messages.watch.upToDate(chart.name) : messages.watch.rebuilt(chart.name, ms));
          else err(messages.watch.failed(chart.name));
        },
        onRemoved: (name) => out(messages.watch.removed(name)),
        onError: err,
      });
      await new Promise<void>((resolve) => {
        // `on`, not `once`: removing the last listener restores the default
        // action, and under load the process was then killed by that same
        // SIGTERM while closing (exit by signal instead of 0, ~1 run in 20).
        process.on('SIGINT', () => resolve());
        process.on('SIGTERM', () => resolve());
      });
      await session.close();
    });

  program
    .command('verify')
    .description('is each graphic (SVG, PNG, PDF or HTML) up to date with the data it was built from?')
    .argument('[files...]', 'graphics to check, e.g. output/NAME.svg')
    .option('--all', 'check every .svg, .png, .html and .pdf in output/')
    .option('--project <dir>', 'the project the graphics were built in (for a graphic copied elsewhere)', '.')
    .action(async (files: string[], options: { all?: boolean; project: string }) => {
      const { verify } = await import('./commands/verify.js');
      const { describeChange } = await import('./trail/describeChange.js');
      const result = await verify({ cwd: process.cwd(), files, all: options.all, project: options.project });
      report(result.diagnostics);
      const count = (status: string) => result.verdicts.filter((v) => v.status === status).length;
      for (const v of result.verdicts) {
        if (v.status === 'up to date') out(messages.verify.upToDate(v.file));
        else if (v.status === 'stale') out(messages.verify.stale(v.file, v.changed, v.missing, v.outside, v.added, v.rows.map(describeChange)));
        else if (v.status === 'left over') out(messages.verify.leftOver(v.file));
        else out(messages.verify.notAGraphic(v.file));
      }
      out(messages.verify.summary(count('up to date'), count('stale'), count('not a graphic'), result.diagnostics.length, count('left over')));
      process.exitCode = result.diagnostics.length || count('up to date') < result.verdicts.length ? 1 : 0;
    });

  program
    .command('publish')
    .description('record in published.json the figures each named graphic shows as published: later builds that change one fail unless data/corrections.csv covers it')
    .argument('<names...>', 'chart names (specs/NAME.vl.json)')
    .action(async (names: string[]) => {
      const { publish } = await import('./commands/publish.js');
      const result = await publish({ cwd: process.cwd(), names });
      report(result.diagnostics);
      for (const chart of result.published) out(messages.trail.published(chart.name, chart.rows, 'published.json'));
      process.exitCode = result.diagnostics.length ? 1 : 0;
    });

  program
    .command('impact')
    .description('list every graphic of the last build that draws a row or cites a source (a retracted source, a corrected figure)')
    .argument('<target>', 'a source id, a table data/NAME.csv, or a row data/NAME.csv#KEY')
    .option('--out <dir>', 'output folder whose manifest.json is read', 'output')
    .action(async (target: string, options: { out: string }) => {
      const { impact } = await import('./commands/impact.js');
      const hits = await impact({ cwd: process.cwd(), target, outDir: options.out });
      for (const hit of hits) out(messages.trail.impactHit(hit.chart, hit.reason, hit.files));
      if (!hits.length) out(messages.trail.impactNone(target));
      process.exitCode = 0;
    });

  program
    .command('new')
    .description('scaffold specs/NAME.vl.json: a chart suited to the columns of a data table')
    .argument('<name>', 'chart name (specs/NAME.vl.json)')
    .requiredOption('--data <file>', 'the table to chart, data/FILE.csv')
    .action(async (name: string, options: { data: string }) => {
      const { scaffoldChart } = await import('./commands/new.js');
      const result = await scaffoldChart({ cwd: process.cwd(), name, data: options.data });
      report(result.diagnostics);
      if (result.file) out(messages.scaffold.created(result.file, result.kind!));
      process.exitCode = result.file ? 0 : 1;
    });

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; anything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else if (error instanceof UsageError) {
      err(`citechart: ${error.message}`);
      process.exitCode = 2;
    } else if (error instanceof OutputError) {
      // A full disk, a link in output/, another build at work: the user's to fix.
      err(error.message);
      process.exitCode = 1;
    } else {
      err(messages.build.internal(error instanceof Error ? (error.stack ?? error.message) : String(error)));
      process.exitCode = 70;
    }
  }
}
