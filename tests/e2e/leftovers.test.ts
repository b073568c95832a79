// Files no chart writes any more (a dropped artboard width, a deleted spec)
// are removed by the next build, so output/ holds what the manifest lists and
// `verify --all` passes; failed charts and formats not asked for keep theirs.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, runCli } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

const withWidths = (widths: number[]) => barSpec({ extra: { usermeta: { citechart: { credit: 'Graphic: Test desk', widths } } } });

describe('leftover outputs', () => {
  it('a dropped width and a deleted spec lose their files; verify --all then passes', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/exports.vl.json': withWidths([320, 640]), 'specs/other.vl.json': barSpec({ title: 'Other' }) });
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(listFiles(path.join(cwd, 'output'))).toContain('exports-320w.svg');

    writeFileSync(path.join(cwd, 'specs/exports.vl.json'), withWidths([640]));
    rmSync(path.join(cwd, 'specs/other.vl.json'));
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(0);
    expect(result.outLines.filter((line) => line.startsWith('removed'))).toEqual([
      'removed output/exports-320w.svg: no chart writes it any more',
      'removed output/other.html: no chart writes it any more',
      'removed output/other.png: no chart writes it any more',
      'removed output/other.svg: no chart writes it any more',
    ]);
    expect(listFiles(path.join(cwd, 'output'))).toEqual(
      ['exports-640w.svg', 'exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json'],
    );
    expect((await runCli(['verify', '--all'], { cwd })).code).toBe(0);
  });

  it('a failed chart and a format not written this time keep their files', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/other.vl.json': barSpec({ title: 'Other' }) });
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, 'specs/other.vl.json'), '{ "mark": ');
    const svgOnly = await runCli(['build', '--formats', 'svg', '--force'], { cwd });
    expect(svgOnly.code).toBe(1);
    expect(svgOnly.outLines.filter((line) => line.startsWith('removed'))).toEqual([]);
    expect(listFiles(path.join(cwd, 'output'))).toEqual([
      'exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json', 'other.html', 'other.png', 'other.svg',
    ]);
  });

  it('never deletes outside the output folder, whatever the manifest says', async () => {
    const cwd = makeProject({ ...minimalProject, 'keep.txt': 'mine\n' });
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const manifestFile = path.join(cwd, 'output/manifest.json');
    const manifest = JSON.parse((await import('node:fs')).readFileSync(manifestFile, 'utf8'));
    manifest.charts.exports.files.push('keep.txt', 'output/../keep.txt');
    manifest.charts.gone = { title: 'gone', sources: [], inputs: [], files: ['data/exports.csv'] };
    writeFileSync(manifestFile, JSON.stringify(manifest));
    expect((await runCli(['build', '--force'], { cwd })).code).toBe(0);
    expect(listFiles(cwd)).toEqual(expect.arrayContaining(['keep.txt', 'data/exports.csv']));
  });
});

// kill -9 left temporary files in output/ that no later build removed, and
// two builds at once lost 15 of 30 manifest entries once: a build now holds
// a lock on output/ (pid inside) and, holding it, removes stale temp files.
describe('leftovers of killed builds, and builds at once', () => {
  const LOCK = (pid: number) =>
    `output: error: another build (pid ${pid}) is writing this folder; wait for it to finish and build again (if none is running, delete the file .citechart.lock in it)`;
  const many = (names: string[]) => Object.fromEntries(names.map((name) => [`specs/${name}.vl.json`, barSpec({ title: `Chart ${name}` })]));
  const waitFor = async (test: () => boolean, ms = 30_000) => {
    for (const end = Date.now() + ms; !test(); ) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };

  it('stale temporary files (ours, and write-file-atomic names beside our files) are removed by the next build; a user file is not', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const out = path.join(cwd, 'output');
    writeFileSync(path.join(out, '.citechart-tmp-4242-0a1b2c3d4e5f'), 'half a png');
    writeFileSync(path.join(out, 'exports.png.271828182'), 'half a png');
    writeFileSync(path.join(out, 'notes.txt.271828182'), 'mine');
    // Even a build with nothing to draw cleans up.
    const result = await runCli(['build'], { cwd });
    expect(result.outLines).toEqual(['0 charts built, 1 up to date']);
    expect(listFiles(out)).toEqual(['exports.html', 'exports.png', 'exports.svg', 'index.html', 'manifest.json', 'notes.txt.271828182']);
  });

  it('a build killed with kill -9 leaves a lock and temp files; the next build takes the lock over and cleans up', async () => {
    const names = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    const cwd = makeProject({ ...minimalProject, ...many(names) });
    const out = path.join(cwd, 'output');
    const child = spawn(process.execPath, [CLI, 'build', '--jobs', '1'], { cwd, stdio: 'ignore' });
    // Killed once it has written its first chart, mid-build.
    await waitFor(() => existsSync(path.join(out, 'exports.svg')) || existsSync(path.join(out, 'k1.svg')));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(existsSync(path.join(out, '.citechart.lock'))).toBe(true);
    // Started from the startup snapshot, its child writes on for a moment (until it learns its
    // launcher is gone); the lock names it, and holds until it ends, under load up to a second.
    const { writer } = JSON.parse(readText(cwd, 'output/.citechart.lock')) as { writer?: number };
    if (writer !== undefined) await waitFor(() => !running(writer));
    writeFileSync(path.join(out, '.citechart-tmp-' + child.pid + '-00aa11bb22cc'), 'as kill -9 leaves one');
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(0);
    expect(readdirSync(out).filter((name) => name.startsWith('.citechart-tmp') || name === '.citechart.lock')).toEqual([]);
    expect(Object.keys(JSON.parse(readText(cwd, 'output/manifest.json')).charts)).toEqual(['exports', ...names]);
  });

  it('a lock held by a live process: exit 1 naming its pid, nothing touched; a lock of a dead one is taken over', async () => {
    const cwd = makeProject(minimalProject);
    mkdirSync(path.join(cwd, 'output'));
    const lock = path.join(cwd, 'output', '.citechart.lock');
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, JSON.stringify({ pid: holder.pid, host: hostname() }));
      const held = await runCli(['build'], { cwd });
      expect(held.code).toBe(1);
      expect(held.errLines).toEqual([LOCK(holder.pid!)]);
      expect(readdirSync(path.join(cwd, 'output'))).toEqual(['.citechart.lock']);
    } finally {
      holder.kill('SIGKILL');
    }
    await new Promise((resolve) => holder.on('exit', resolve));
    const taken = await runCli(['build'], { cwd });
    expect(taken.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('a second build started while one runs fails at once with its pid; the first writes every entry', async () => {
    const names = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08'];
    const cwd = makeProject({ ...minimalProject, ...many(names) });
    const out = path.join(cwd, 'output');
    const first = runCliWithPid(['build', '--jobs', '1'], cwd);
    await waitFor(() => existsSync(path.join(out, '.citechart.lock')));
    const second = await runCli(['build', 'exports'], { cwd });
    expect(second.code).toBe(1);
    expect(second.errLines).toEqual([LOCK(first.pid)]);
    expect((await first.done).code).toBe(0);
    expect(Object.keys(JSON.parse(readText(cwd, 'output/manifest.json')).charts)).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'exports']);
  });

  it('two builds started together, of different charts: no entry of a build that succeeded is lost', async () => {
    const left = ['l1', 'l2', 'l3', 'l4', 'l5'];
    const right = ['r1', 'r2', 'r3', 'r4', 'r5'];
    const cwd = makeProject({ ...minimalProject, ...many([...left, ...right]) });
    const runs = await Promise.all([runCli(['build', ...left], { cwd }), runCli(['build', ...right], { cwd })]);
    for (const run of runs) {
      if (run.code !== 0) {
        expect(run.code).toBe(1);
        expect(run.errLines).toHaveLength(1);
        expect(run.errLines[0]).toMatch(/^output: error: another build \(pid \d+\) is writing this folder/);
      }
    }
    expect(runs.some((run) => run.code === 0)).toBe(true);
    const listed = Object.keys(JSON.parse(readText(cwd, 'output/manifest.json')).charts);
    const built = runs.flatMap((run, index) => (run.code === 0 ? [left, right][index]! : []));
    expect(listed).toEqual([...built].sort());
  });
});

/** runCli, but with the child's pid known while it runs. */
function runCliWithPid(args: string[], cwd: string): { pid: number; done: Promise<{ code: number | null }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: 'ignore' });
  return { pid: child.pid!, done: new Promise((resolve) => child.on('exit', (code) => resolve({ code }))) };
}

/** Whether a process `pid` exists, as the lock checks it (signal 0). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
