// `citechart` started from the startup snapshot `npm run build` makes
// (issue 15, item 3: cold start): the same bytes as without it, a child
// Node really started from it, and that child ended with its launcher.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { usableSnapshot } from '../../src/startup/runFromSnapshot.js';
import { SNAPSHOT_V8_FLAGS } from '../../src/startup/v8Flags.js';
import { BIN, CLI, runCli } from '../helpers/cli.js';
import { listFiles, makeProject, minimalProject, readBytes } from '../helpers/fixtureProject.js';

// Only dist/cli.js as `npm run build` leaves it (the bundle) comes with a snapshot; `tsc` alone writes it unbundled.
const bundled = existsSync(CLI) && readFileSync(CLI, 'utf8').includes('__citechartDist');
const onLinux = existsSync('/proc/self/stat');

/** The pids of `pid`'s child processes, with their command lines (Linux /proc). */
function childrenOf(pid: number): Array<{ pid: number; args: string[] }> {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const ppid = Number(readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1]);
        return ppid === pid ? [{ pid: Number(name), args: readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0') }] : [];
      } catch {
        return []; // gone meanwhile
      }
    });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > ms) throw new Error(`no ${what} after ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** `citechart watch` in a new project (`node dist/cli.js`, or `command` as it is), once it has drawn its chart; the launcher and the snapshot child. */
async function startWatch(command: string[] = [process.execPath, CLI], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(command[0]!, [...command.slice(1), 'watch', '--port', '0'], { cwd: makeProject(minimalProject), stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await until(() => /rebuilt exports in/.test(stdout), 'first build');
  return { launcher: child, snapshot: childrenOf(child.pid!), exited };
}

describe.skipIf(!bundled)('citechart from the startup snapshot', () => {
  it('npm run build made a snapshot this Node can use', () => {
    expect(usableSnapshot(pathToFileURL(path.dirname(CLI) + path.sep), { env: {}, execArgv: [] })).toBe(path.join(path.dirname(CLI), 'snapshot.blob'));
  });

  // Node's module loader resolved, read, compiled and linked cli.js and two shared chunks before the launcher could start the child.
  it('the launcher is one file: it imports only Node\'s built-in modules, and the command line or the up-to-date check only on their path', () => {
    const launcher = readFileSync(CLI, 'utf8');
    const statics = [...launcher.matchAll(/^import\b[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']/gm)].map((m) => m[1] ?? m[2]);
    expect(statics.length).toBeGreaterThan(0);
    expect(statics.filter((specifier) => !specifier!.startsWith('node:'))).toEqual([]);
    const dynamics = [...launcher.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]).sort();
    expect(dynamics).toEqual(['./bundle/cliProgram.js', './bundle/upToDateBuild.js']);
    for (const file of dynamics) expect(existsSync(path.join(path.dirname(CLI), file!)), file).toBe(true);
  });

  // V8 takes a code cache only under the V8 flags it was made with: those the snapshot child loads sharp under.
  it('npm run build made a code cache of sharp that V8 takes under the child\'s V8 flags and interrupt budget', async () => {
    const dist = pathToFileURL(path.dirname(CLI) + path.sep).href;
    const script = [
      `import { raiseInterruptBudget } from ${JSON.stringify(new URL('startup/jitBudget.js', dist).href)};`,
      `import { bundledSharp, sharpCodeCacheUse } from ${JSON.stringify(new URL('render/loadSharp.js', dist).href)};`,
      'raiseInterruptBudget();',
      'const sharp = bundledSharp();',
      'console.log(sharpCodeCacheUse(), typeof sharp);',
    ].join('\n');
    const child = spawn(process.execPath, [...SNAPSHOT_V8_FLAGS, '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    expect(stdout.trim()).toBe('used function');
  });

  // Three ways in: the launcher's child (`node dist/cli.js build`), the Node bin/citechart becomes (a chart named), no snapshot.
  it('builds the same bytes as without it (CITECHART_SNAPSHOT=off), started by dist/cli.js or by bin/citechart', async () => {
    const [launched, execed, inProcess] = [makeProject(minimalProject), makeProject(minimalProject), makeProject(minimalProject)];
    const runs = await Promise.all([
      runCli(['build'], { cwd: launched, via: 'node' }),
      runCli(['build', 'exports'], { cwd: execed, via: 'bin' }),
      runCli(['build'], { cwd: inProcess, env: { CITECHART_SNAPSHOT: 'off' }, via: 'node' }),
    ]);
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(runs[0]!.outLines).toEqual(runs[2]!.outLines);
    expect(runs[1]!.outLines).toEqual(runs[2]!.outLines);
    const files = listFiles(path.join(inProcess, 'output'));
    expect(files).toContain('exports.png');
    for (const project of [launched, execed]) {
      expect(listFiles(path.join(project, 'output'))).toEqual(files);
      for (const file of files) expect(readBytes(project, `output/${file}`).equals(readBytes(inProcess, `output/${file}`)), file).toBe(true);
    }
  });

  it.skipIf(!onLinux)('runs the command in a child Node started from dist/snapshot.blob, which stops with it on SIGTERM', async () => {
    const { launcher, snapshot, exited } = await startWatch();
    expect(snapshot).toHaveLength(1);
    // With the V8 options the snapshot was made with (it loads under no others).
    expect(snapshot[0]!.args.slice(1, 4 + SNAPSHOT_V8_FLAGS.length)).toEqual([...SNAPSHOT_V8_FLAGS, '--snapshot-blob', path.join(path.dirname(CLI), 'snapshot.blob'), CLI]);
    launcher.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    await until(() => !isAlive(snapshot[0]!.pid), 'end of the snapshot child');
  });

  // Node parses NODE_EXTRA_CA_CERTS as each process starts (39 ms of CPU on the bench machine); a bad
  // one is reported by each. The launcher has, the child need not (src/startup/extraCaCerts.ts).
  it('reads NODE_EXTRA_CA_CERTS in the launcher only: a missing file is reported once, not once per process', async () => {
    const missing = path.join(makeProject(minimalProject), 'no-such-certs.pem');
    const { code, stdout, stderr } = await runCli(['--version'], { cwd: path.dirname(missing), env: { NODE_EXTRA_CA_CERTS: missing }, via: 'node' });
    expect(code).toBe(0);
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(stderr.split(`Ignoring extra certs from \`${missing}\``).length - 1).toBe(1);
  });

  it.skipIf(!onLinux)('starts the child without NODE_EXTRA_CA_CERTS, its value carried under another name', async () => {
    const certs = path.join(makeProject(minimalProject), 'no-such-certs.pem');
    const child = spawn(process.execPath, [CLI, 'watch', '--port', '0'], {
      cwd: makeProject(minimalProject),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certs },
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise((resolve) => child.on('exit', resolve));
    try {
      await until(() => /rebuilt exports in/.test(stdout), 'first build');
      const [snapshot] = childrenOf(child.pid!);
      // What the child Node started with (/proc/PID/environ is the start's, not process.env now).
      const started = readFileSync(`/proc/${snapshot!.pid}/environ`, 'utf8').split('\0');
      expect(started.filter((entry) => entry.startsWith('NODE_EXTRA_CA_CERTS='))).toEqual([]);
      expect(started).toContain(`CITECHART_NODE_EXTRA_CA_CERTS=${certs}`);
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });

  // `kill -INT` of the launcher's pid alone (a supervisor, not Ctrl-C, which reaches the whole group) was ignored: the command ran on.
  it.skipIf(!onLinux)('passes SIGINT sent to the launcher alone on to the child, which stops', async () => {
    const { launcher, snapshot, exited } = await startWatch();
    expect(snapshot).toHaveLength(1);
    launcher.kill('SIGINT');
    expect(await exited).toEqual({ code: 0, signal: null });
    await until(() => !isAlive(snapshot[0]!.pid), 'end of the snapshot child');
  });

  it.skipIf(!onLinux)('the child ends when its launcher is killed with kill -9', async () => {
    const { launcher, snapshot, exited } = await startWatch();
    expect(snapshot).toHaveLength(1);
    launcher.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    // It ends as soon as its event loop sees the channel close: at once when idle, later under load.
    await until(() => !isAlive(snapshot[0]!.pid), 'end of the snapshot child');
  });

  // bin/citechart, what npm links as `citechart`: the shell replaces itself with the snapshot's Node (no launcher Node).
  it.skipIf(!onLinux)('bin/citechart runs the command in the Node it becomes, started from dist/snapshot.blob; SIGTERM ends it', async () => {
    const { launcher, snapshot, exited } = await startWatch([BIN]);
    const args = readFileSync(`/proc/${launcher.pid}/cmdline`, 'utf8').split('\0');
    expect(args.slice(1, 4 + SNAPSHOT_V8_FLAGS.length)).toEqual([...SNAPSHOT_V8_FLAGS, '--snapshot-blob', path.join(path.dirname(CLI), 'snapshot.blob'), CLI]);
    expect(snapshot).toEqual([]);
    launcher.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
  });

  it.skipIf(!onLinux)('bin/citechart starts Node without NODE_EXTRA_CA_CERTS (not parsed, not reported), and the command has it back', async () => {
    const certs = path.join(makeProject(minimalProject), 'no-such-certs.pem');
    const { launcher, exited } = await startWatch([BIN], { ...process.env, NODE_EXTRA_CA_CERTS: certs });
    try {
      const started = readFileSync(`/proc/${launcher.pid}/environ`, 'utf8').split('\0');
      expect(started.filter((entry) => entry.startsWith('NODE_EXTRA_CA_CERTS='))).toEqual([]);
      expect(started).toContain(`CITECHART_NODE_EXTRA_CA_CERTS=${certs}`);
    } finally {
      launcher.kill('SIGTERM');
      await exited;
    }
    const { code, stderr } = await runCli(['--version'], { cwd: path.dirname(certs), env: { NODE_EXTRA_CA_CERTS: certs }, via: 'bin' });
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/Ignoring extra certs/);
  });

  // CI machines often set NODE_OPTIONS=--max-old-space-size=…: Node refused the snapshot then (exit 14, "different V8 configurations").
  it('builds with V8 options in NODE_OPTIONS, started by bin/citechart or by dist/cli.js (without the snapshot then)', async () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=2048' };
    const runs = await Promise.all([runCli(['build', 'exports'], { cwd: makeProject(minimalProject), env, via: 'bin' }), runCli(['build'], { cwd: makeProject(minimalProject), env, via: 'node' })]);
    for (const run of runs) {
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
  });
});
