// bin/citechart, the shell script npm links as `citechart` (issue 15, item
// 3: cold start): when it starts Node from the startup snapshot itself, and
// with what; otherwise dist/cli.js. A stand-in `node` first on PATH prints
// what it was started with, so every branch is seen without a real snapshot.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/citechart', import.meta.url));
const onPosix = process.platform !== 'win32';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FAKE_VERSION = 'v20.99.1';
/** A `node` that answers --version and otherwise prints its arguments and the environment variables the script sets, one per line. */
const FAKE_NODE = [
  '#!/bin/sh',
  `if [ "$1" = --version ]; then echo ${FAKE_VERSION}; exit 0; fi`,
  'for arg in "$@"; do printf "arg=%s\\n" "$arg"; done',
  'env | grep -E "^(NODE_EXTRA_CA_CERTS|CITECHART_NODE_EXTRA_CA_CERTS|CITECHART_LAUNCHER_PID|MALLOC_ARENA_MAX)=" | sort',
  '',
].join('\n');

/** A package folder (its real path) with bin/citechart, dist/cli.js, dist/snapshot.blob and a launch file that fits, changed by `lines`. */
function packageFolder(lines: (launch: string[], dist: string) => string[] = (launch) => launch, name = 'pkg'): { root: string; dist: string; env: NodeJS.ProcessEnv } {
  const top = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'citechart-bin-')));
  made.push(top);
  const root = path.join(top, name);
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(root, 'bin'), { recursive: true });
  mkdirSync(dist);
  mkdirSync(path.join(top, 'fake'));
  copyFileSync(BIN, path.join(root, 'bin', 'citechart'));
  chmodSync(path.join(root, 'bin', 'citechart'), 0o755);
  writeFileSync(path.join(top, 'fake', 'node'), FAKE_NODE);
  chmodSync(path.join(top, 'fake', 'node'), 0o755);
  writeFileSync(path.join(dist, 'cli.js'), '// the bundle\n');
  writeFileSync(path.join(dist, 'snapshot.blob'), 'blob');
  utimesSync(path.join(dist, 'cli.js'), 1_700_000_000, 1_700_000_000);
  utimesSync(path.join(dist, 'snapshot.blob'), 1_700_000_100, 1_700_000_100);
  const launch = lines([FAKE_VERSION, dist, '--initial-old-space-size=64 --max-semi-space-size=4', '2'], dist);
  writeFileSync(path.join(dist, 'snapshot.launch'), launch.map((line) => `${line}\n`).join(''));
  const env: NodeJS.ProcessEnv = { PATH: `${path.join(top, 'fake')}:${process.env.PATH ?? '/usr/bin:/bin'}` };
  return { root, dist, env };
}

/** Runs `command` (the script or a link to it) with `args`; what the stand-in node printed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): { args: string[]; env: string[]; status: number | null; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', env });
  const lines = result.stdout.split('\n').filter(Boolean);
  return {
    args: lines.filter((line) => line.startsWith('arg=')).map((line) => line.slice(4)),
    env: lines.filter((line) => !line.startsWith('arg=')),
    status: result.status,
    stderr: result.stderr,
  };
}

const fromSnapshot = (dist: string, args: string[]) => ['--initial-old-space-size=64', '--max-semi-space-size=4', '--snapshot-blob', path.join(dist, 'snapshot.blob'), path.join(dist, 'cli.js'), ...args];
const plain = (dist: string, args: string[]) => [path.join(dist, 'cli.js'), ...args];

describe.skipIf(!onPosix)('bin/citechart', () => {
  it('starts Node from the snapshot itself, with its V8 options, when the launch file fits this node and this dist/', () => {
    const { root, dist, env } = packageFolder();
    const seen = run(path.join(root, 'bin', 'citechart'), ['build', 'bar', '--force'], env);
    expect(seen.stderr).toBe('');
    expect(seen.args).toEqual(fromSnapshot(dist, ['build', 'bar', '--force']));
  });

  it('passes arguments on word for word: spaces, globs, quotes, an empty one', () => {
    const { root, dist, env } = packageFolder();
    const args = ['build', 'a chart', '*', "it's", '', '--out=$HOME'];
    expect(run(path.join(root, 'bin', 'citechart'), args, env).args).toEqual(fromSnapshot(dist, args));
  });

  it('finds its dist/ through npm\'s links: relative, absolute and chained', () => {
    const { root, dist, env } = packageFolder();
    const binDir = path.join(path.dirname(root), 'node_modules', '.bin');
    mkdirSync(binDir, { recursive: true });
    symlinkSync(path.join('..', '..', 'pkg', 'bin', 'citechart'), path.join(binDir, 'citechart'));
    symlinkSync(path.join(root, 'bin', 'citechart'), path.join(binDir, 'absolute'));
    symlinkSync('citechart', path.join(binDir, 'chained'));
    for (const link of ['citechart', 'absolute', 'chained']) expect(run(path.join(binDir, link), ['--version'], env).args, link).toEqual(fromSnapshot(dist, ['--version']));
  });

  it("carries NODE_EXTRA_CA_CERTS under another name, caps glibc's arenas unless the user set them, and drops an inherited launcher pid", () => {
    const { root, env } = packageFolder();
    const bin = path.join(root, 'bin', 'citechart');
    expect(run(bin, ['--version'], { ...env, NODE_EXTRA_CA_CERTS: '/etc/extra.pem', CITECHART_LAUNCHER_PID: '1' }).env).toEqual([
      'CITECHART_NODE_EXTRA_CA_CERTS=/etc/extra.pem',
      'MALLOC_ARENA_MAX=2',
    ]);
    expect(run(bin, ['--version'], { ...env, MALLOC_ARENA_MAX: '8', CITECHART_NODE_EXTRA_CA_CERTS: '/stale.pem' }).env).toEqual(['MALLOC_ARENA_MAX=8']);
  });

  it('leaves `citechart build` alone to dist/cli.js (its up-to-date check runs without the snapshot), and CITECHART_SNAPSHOT=off', () => {
    const { root, dist, env } = packageFolder();
    const bin = path.join(root, 'bin', 'citechart');
    expect(run(bin, ['build'], env).args).toEqual(plain(dist, ['build']));
    expect(run(bin, ['build', 'bar'], env).args).toEqual(fromSnapshot(dist, ['build', 'bar']));
    expect(run(bin, ['watch'], { ...env, CITECHART_SNAPSHOT: 'off' }).args).toEqual(plain(dist, ['watch']));
  });

  // V8 options in NODE_OPTIONS change the V8 configuration, and Node refuses a snapshot made under another (exit 14).
  it('leaves the command to dist/cli.js when NODE_OPTIONS is set (not when it is empty)', () => {
    const { root, dist, env } = packageFolder();
    const bin = path.join(root, 'bin', 'citechart');
    expect(run(bin, ['build', 'bar'], { ...env, NODE_OPTIONS: '--max-old-space-size=4096' }).args).toEqual(plain(dist, ['build', 'bar']));
    expect(run(bin, ['build', 'bar'], { ...env, NODE_OPTIONS: '' }).args).toEqual(fromSnapshot(dist, ['build', 'bar']));
  });

  it("runs dist/cli.js, with the user's environment as it was, when the launch file does not fit", () => {
    const cases: Array<[string, (launch: string[], dist: string) => string[]]> = [
      ['another node', ([, ...rest]) => ['v20.0.0', ...rest]],
      ['another dist/ (a copied or moved package)', ([by, , ...rest]) => [by!, '/elsewhere/dist', ...rest]],
      ['a damaged file', (launch) => launch.slice(0, 2)],
    ];
    for (const [what, change] of cases) {
      const { root, dist, env } = packageFolder(change);
      const seen = run(path.join(root, 'bin', 'citechart'), ['watch'], { ...env, NODE_EXTRA_CA_CERTS: '/etc/extra.pem' });
      expect(seen.args, what).toEqual(plain(dist, ['watch']));
      expect(seen.env, what).toEqual(['NODE_EXTRA_CA_CERTS=/etc/extra.pem']);
      expect(seen.stderr, what).toBe('');
    }
  });

  it('runs dist/cli.js when there is no launch file or no blob, or dist/cli.js was written after the snapshot (a bare tsc)', () => {
    const noLaunch = packageFolder();
    rmSync(path.join(noLaunch.dist, 'snapshot.launch'));
    expect(run(path.join(noLaunch.root, 'bin', 'citechart'), ['watch'], noLaunch.env)).toMatchObject({ args: plain(noLaunch.dist, ['watch']), stderr: '' });
    const noBlob = packageFolder();
    rmSync(path.join(noBlob.dist, 'snapshot.blob'));
    expect(run(path.join(noBlob.root, 'bin', 'citechart'), ['watch'], noBlob.env).args).toEqual(plain(noBlob.dist, ['watch']));
    const recompiled = packageFolder();
    utimesSync(path.join(recompiled.dist, 'cli.js'), 1_700_000_200, 1_700_000_200);
    expect(run(path.join(recompiled.root, 'bin', 'citechart'), ['watch'], recompiled.env).args).toEqual(plain(recompiled.dist, ['watch']));
  });

  it('works in a folder whose path has spaces and shell characters in it', () => {
    const { root, dist, env } = packageFolder(undefined, "my $charts & 'co'");
    expect(run(path.join(root, 'bin', 'citechart'), ['build', 'x'], env).args).toEqual(fromSnapshot(dist, ['build', 'x']));
  });

  // Without it the shell said "bin/citechart: 68: exec: node: not found" (a review of bin/citechart).
  it('says that Node.js is missing, exit 127, when no `node` is on PATH', () => {
    const { root } = packageFolder();
    const seen = run(path.join(root, 'bin', 'citechart'), ['build', 'bar'], { PATH: path.join(root, 'no-such-folder') });
    expect(seen.status).toBe(127);
    expect(seen.stderr).toBe('citechart: no `node` command on PATH; citechart runs on Node.js 20 or later: install it, or put its folder on PATH\n');
  });

  // Git for Windows checks text out with CRLF by default (core.autocrlf), and
  // sh then stopped at the first line ("Syntax error: word unexpected"): the
  // README names Git Bash among the shells that run this script.
  it('is checked out with LF line ends on every platform (.gitattributes)', () => {
    const repo = fileURLToPath(new URL('../..', import.meta.url));
    const attr = spawnSync('git', ['check-attr', 'eol', '--', 'bin/citechart'], { cwd: repo, encoding: 'utf8' });
    expect(attr.stdout).toBe('bin/citechart: eol: lf\n');
  });

  it('says what to do, exit 1, when dist/ was never built', () => {
    const { root, env } = packageFolder();
    rmSync(path.join(root, 'dist'), { recursive: true });
    const seen = run(path.join(root, 'bin', 'citechart'), ['build'], env);
    expect(seen.status).toBe(1);
    expect(seen.stderr).toMatch(/dist\/cli\.js is missing: run `npm run build`/);
    expect(seen.args).toEqual([]);
  });
});
