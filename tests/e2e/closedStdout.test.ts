// A reader of stdout that goes away (`citechart build --force | head -1`, a
// review of bin/citechart, issue 15): Node reports the closed pipe as an
// 'error' event on process.stdout (EPIPE), which, unhandled, ended the build
// after its first chart with a stack trace and exit 1, leaving the output
// folder's lock and the other charts unbuilt. The build now goes on without
// its stdout: every chart is written, the lock released, the exit code 0.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, CLI, STACK_FRAME } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

const NAMES = ['a', 'b', 'c', 'd'];

/** Runs `citechart ARGS` with its stdout pipe closed after the first line (`| head -1`), or at once (`| true`); its exit code and stderr. */
function runWithClosedStdout(cwd: string, command: string[], cliArgs: string[], closeAtOnce = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command;
    const child = spawn(file!, [...args, ...cliArgs], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    if (closeAtOnce) child.stdout.destroy();
    else child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a build whose stdout is closed by its reader', () => {
  const ways: Array<[string, string[]]> = [
    ['bin/citechart', [BIN]],
    ['node dist/cli.js', [process.execPath, CLI]],
  ];
  for (const [name, command] of ways) {
    it.skipIf(name === 'bin/citechart' && process.platform === 'win32')(`goes on to build every chart, exit 0, no stack trace (${name})`, async () => {
      const files = { ...minimalProject };
      for (const chart of NAMES) files[`specs/${chart}.vl.json`] = barSpec({ title: `Chart ${chart}` });
      const cwd = makeProject(files);
      const result = await runWithClosedStdout(cwd, command, ['build', '--force', '--jobs', '1']);
      expect(result.stderr).not.toContain(STACK_FRAME);
      expect(result.stderr).not.toContain('EPIPE');
      expect(result.code).toBe(0);
      for (const chart of NAMES) expect(existsSync(path.join(cwd, 'output', `${chart}.svg`)), chart).toBe(true);
      expect(existsSync(path.join(cwd, 'output', '.citechart.lock'))).toBe(false);
    }, 120_000);
  }

  // A plain `citechart build` with nothing to draw is done by dist/cli.js's launcher itself (src/startup/upToDateBuild.ts).
  it('says nothing of it when nothing was to be drawn (the up-to-date check without the snapshot)', async () => {
    const cwd = makeProject({ ...minimalProject });
    expect((await runWithClosedStdout(cwd, [process.execPath, CLI], ['build'])).code).toBe(0);
    const result = await runWithClosedStdout(cwd, [process.execPath, CLI], ['build'], true);
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.code).toBe(0);
  }, 120_000);
});
