// `citechart build` with nothing to draw, done by the launcher itself
// (issue 15: the no-change rebuild ≤ 3 % of a full build). Started from the
// startup snapshot, every command costs a second Node and the snapshot's
// heap (`citechart --version` 170 ms against 50 for `node -e 0`), which a
// rebuild that only hashes its inputs and reads back its outputs does not
// need: the launcher runs the same build() (commands/build.ts, with
// `upToDateOnly`), whose cache check loads no renderer, and hands the
// command to the snapshot as before as soon as build() finds work to do.
import type { BuildResult } from '../commands/build.js';
import { isPlainBuild } from './plainBuild.js';
import { keepGoingWhenStdoutCloses } from '../closedStdout.js';

export { isPlainBuild };

/**
 * Runs `argv` (as process.argv) in this process when it is a plain
 * `citechart build` (isPlainBuild) that has nothing to draw, printing
 * exactly what the command line prints (progress/buildReport.ts: the
 * warnings replayed from the cache, the summary) and setting
 * process.exitCode; returns true then. Returns false, having printed
 * nothing, for any other command line, a malformed CITECHART_* setting (the
 * command line reports it), and any build with work to do or that throws
 * (its lock held by another build, a write that failed: the command line
 * reports it): the caller then runs the command as usual. Until it returns
 * it has done only what that run does again (build()'s `upToDateOnly`).
 * Output is held until the build has returned, so a fall-through prints
 * nothing twice.
 *
 * Measured on the bench corpus (200 charts, `citechart build` with nothing
 * changed, user+sys of /usr/bin/time, 11 interleaved runs against a clone
 * of main, load 9–11): 290 ms (260–300) against 320 (310–350); the launcher
 * then loads one file of the bundle (dist/bundle/upToDateBuild.js, 180 KB:
 * the build's cache check, not its renderer; scripts/bundle.mjs) instead of
 * starting a second Node and deserialising the snapshot.
 */
export async function buildIfUpToDate(argv: readonly string[], cwd: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (!isPlainBuild(argv)) return false;
  const lines: Array<{ stream: NodeJS.WriteStream; text: string }> = [];
  let result: BuildResult;
  let reporter;
  try {
    const { checkEnvironment } = await import('../checkEnvironment.js');
    checkEnvironment(env);
    const [{ build }, { buildReport }, { BUILD_DEFAULTS }] = await Promise.all([
      import('../commands/build.js'),
      import('../progress/buildReport.js'),
      import('../commands/buildDefaults.js'),
    ]);
    const held = (stream: NodeJS.WriteStream) => (text: string) => void lines.push({ stream, text });
    reporter = buildReport(
      {
        out: (line) => held(process.stdout)(line + '\n'),
        err: (line) => held(process.stderr)(line + '\n'),
        progress: { isTTY: process.stderr.isTTY, columns: process.stderr.columns, write: held(process.stderr) },
      },
      env,
    );
    // As cliProgram.ts's build action calls it for `citechart build` without flags.
    result = await build({
      cwd,
      names: [],
      outDir: BUILD_DEFAULTS.out,
      theme: undefined,
      formats: BUILD_DEFAULTS.formats.split(','),
      upToDateOnly: true,
      onProject: reporter.onProject,
      onChart: reporter.onChart,
      onProgress: reporter.onProgress,
    });
  } catch {
    return false;
  }
  const code = reporter.finish(result);
  // `citechart build | true`: a reader gone before these lines ends nothing with a stack trace (closedStdout.ts).
  keepGoingWhenStdoutCloses();
  for (const { stream, text } of lines) stream.write(text);
  process.exitCode = code;
  return true;
}
