// Runs the compiled CLI in a project folder, the way a user's shell would:
// `citechart …` (bin/citechart, the command npm links), or `node
// dist/cli.js …`; separate process, its own environment, exit code and both
// streams captured. Asynchronous so independent runs can overlap.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

/** The compiled CLI; CITECHART_E2E_CLI points the suite at another build (e.g. a mutated copy). */
export const CLI = process.env.CITECHART_E2E_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
/** The `citechart` command as npm links it: a shell script that starts dist/cli.js's Node (src/startup: issue 15, cold start). */
export const BIN = fileURLToPath(new URL('../../bin/citechart', import.meta.url));
/** How runCli starts citechart by default: as a user's shell does (BIN), but where the suite is pointed at another build, or on Windows, where BIN cannot run. */
const VIA_BIN = process.env.CITECHART_E2E_CLI === undefined && process.platform !== 'win32';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the trailing empty one. */
  errLines: string[];
  /** stdout split into lines, without the trailing empty one; the build summary's time (` in 1.2 s`) removed, as it varies. */
  outLines: string[];
}

/**
 * Runs still going when a test fails (it timed out, or failed before
 * awaiting them) are killed then: left running, a timed-out test's build
 * went on writing in its project, and the next test of the file found the
 * output folder's lock held. Only on a failure: in a describe.concurrent
 * the other tests' runs are going too (they fail with it then, code null).
 */
const running = new Set<ChildProcess>();
afterEach((context) => {
  if (context.task.result?.state !== 'fail') return;
  for (const child of running) child.kill('SIGKILL');
  running.clear();
});

const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined>; timeoutMs?: number; via?: 'bin' | 'node' },
): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -p .\` before the e2e tests`);
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  // Not a TTY and no CI-specific output either way; keep what the caller set.
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const [command, ...before] = (options.via ?? (VIA_BIN ? 'bin' : 'node')) === 'bin' ? [BIN] : [process.execPath, CLI];
    const child = spawn(command!, [...before, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Only a guard against a run that never ends: a loaded CI machine (2 cores shared) makes a
    // build of a few charts take 10 times its quiet time, and the test's own timeout comes first.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      running.delete(child);
      clearTimeout(timer);
      const outLines = lines(stdout).map((line) => line.replace(/^(\d+ charts? built.*) in \d+\.\d s$/, '$1'));
      resolve({ code, stdout, stderr, outLines, errLines: lines(stderr) });
    });
  });
}

/** The `file:line:col: error: …` lines of a run's stderr. */
export const errorLines = (result: CliResult) => result.errLines.filter((line) => /^[^\s:][^:]*(:\d+)*: error: /.test(line));

/** A Node stack frame, which a user must never see for a mistake in their files. */
export const STACK_FRAME = '    at ';
