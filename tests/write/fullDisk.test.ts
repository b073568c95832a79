// A full or read-only disk under output/ (a tmpfs mounted there): the build
// fails with the file and what to do, exit 1, and never replaces a good
// graphic with a cut-short one. Before, write-file-atomic took a short write
// for a whole one, renamed truncated PNGs over good ones and reported them
// "built"; on an empty output folder the manifest write crashed (exit 70).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME, type CliResult } from '../helpers/cli.js';
import { EXPORTS_CSV, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { fillLeaving, mountTmpfs, pagesOf, PAGE, remount, unmount } from '../helpers/tmpfs.js';

const FILLER = 'filler.bin';
const CHART_FILES = ['exports.html', 'exports.png', 'exports.svg'];
const mounted: string[] = [];
afterEach(() => {
  for (const dir of mounted.splice(0)) unmount(dir);
});

/** A project whose output/ is a fresh tmpfs of `sizeKb`, or why there can be none. */
function projectOnTmpfs(sizeKb: number): { cwd: string; out: string } | string {
  const cwd = makeProject(minimalProject);
  const out = path.join(cwd, 'output');
  const why = mountTmpfs(out, sizeKb);
  if (why) return why;
  mounted.push(out);
  return { cwd, out };
}

const snapshot = (dir: string) => new Map(readdirSync(dir).filter((name) => name !== FILLER).map((name) => [name, readFileSync(path.join(dir, name))]));

/** Nothing a user must not see: no stack frame, no internal error, no raw JS error. */
function expectUserError(result: CliResult) {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toContain(STACK_FRAME);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).not.toMatch(/TypeError|RangeError/);
}

/** The chart's file sizes when built with these inputs (builds are deterministic), from a build on the ordinary disk. */
async function referenceSizes(files: Record<string, string>): Promise<Map<string, number>> {
  const cwd = makeProject({ ...minimalProject, ...files });
  expect((await runCli(['build'], { cwd })).code).toBe(0);
  return new Map(readdirSync(path.join(cwd, 'output')).map((name) => [name, readFileSync(path.join(cwd, 'output', name)).byteLength]));
}

describe('a full disk under output/', () => {
  it('keeps the previous files byte for byte, exits 1 naming the file, and the next build repairs', async (ctx) => {
    const setup = projectOnTmpfs(2048);
    if (typeof setup === 'string') return (console.log(`skipped: ${setup}`), ctx.skip());
    const { cwd, out } = setup;
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const good = snapshot(out);

    // New figures, so every file must be written again; then room for the lock and the SVG, not the PNG.
    const edited = { 'data/exports.csv': EXPORTS_CSV.replace('Norway,120', 'Norway,121') };
    writeFileSync(path.join(cwd, 'data/exports.csv'), edited['data/exports.csv']);
    const sizes = await referenceSizes(edited);
    fillLeaving(out, FILLER, PAGE + pagesOf(sizes.get('exports.svg')!));
    const full = await runCli(['build'], { cwd });
    expectUserError(full);
    expect(full.errLines).toContain(
      'output/exports.png: error: cannot write: the disk is full (ENOSPC); free some space and build again',
    );
    expect(full.errLines).toContain('failed exports: previous output kept');
    expect(snapshot(out)).toEqual(good);
    expect(readdirSync(out).sort()).toEqual([...good.keys(), FILLER].sort()); // no temporary file left
    // The graphics still say what they were built from: stale, never "up to date".
    const verified = await runCli(['verify', '--all'], { cwd });
    expect(verified.code).toBe(1);
    expect(verified.outLines.filter((line) => line.endsWith(': up to date'))).toEqual([]);

    rmSync(path.join(out, FILLER));
    const repaired = await runCli(['build'], { cwd });
    expect(repaired.code).toBe(0);
    expect(repaired.outLines[0]).toBe('built exports: output/exports.svg, output/exports.png, output/exports.html');
    await sharp(readFileSync(path.join(out, 'exports.png'))).raw().toBuffer(); // decodes whole
    expect((await runCli(['verify', '--all'], { cwd })).code).toBe(0);
  });

  it('on an empty output folder: the chart whole, the manifest not written, exit 1 (not an internal error), then repaired', async (ctx) => {
    const setup = projectOnTmpfs(2048);
    if (typeof setup === 'string') return (console.log(`skipped: ${setup}`), ctx.skip());
    const { cwd, out } = setup;
    const sizes = await referenceSizes({});
    // Room for the lock and the chart's three files, none for the manifest, gallery and cache.
    fillLeaving(out, FILLER, PAGE + CHART_FILES.reduce((sum, name) => sum + pagesOf(sizes.get(name)!), 0));
    const full = await runCli(['build'], { cwd });
    expectUserError(full);
    expect(full.outLines[0]).toBe('built exports: output/exports.svg, output/exports.png, output/exports.html');
    expect(full.errLines).toContain(
      'output/manifest.json: error: cannot write: the disk is full (ENOSPC); free some space and build again',
    );
    expect(readdirSync(out).sort()).toEqual([...CHART_FILES, FILLER]);
    for (const name of CHART_FILES) expect(readFileSync(path.join(out, name)).byteLength).toBe(sizes.get(name));

    rmSync(path.join(out, FILLER));
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.citechart-cache.json', ...CHART_FILES, 'index.html', 'manifest.json'].sort());
    expect((await runCli(['verify', '--all'], { cwd })).code).toBe(0);
  });

  it('on an empty output folder with room for the SVG only: no file left, and "nothing written", not "previous output kept"', async (ctx) => {
    const setup = projectOnTmpfs(2048);
    if (typeof setup === 'string') return (console.log(`skipped: ${setup}`), ctx.skip());
    const { cwd, out } = setup;
    const sizes = await referenceSizes({});
    fillLeaving(out, FILLER, PAGE + pagesOf(sizes.get('exports.svg')!));
    const full = await runCli(['build'], { cwd });
    expectUserError(full);
    expect(full.errLines).toEqual([
      'output/exports.png: error: cannot write: the disk is full (ENOSPC); free some space and build again',
      'failed exports: nothing written',
    ]);
    expect(readdirSync(out)).toEqual([FILLER]);
  });

  it('with no room at all (not even for the lock): exit 1 naming the folder, nothing left behind', async (ctx) => {
    const setup = projectOnTmpfs(1024);
    if (typeof setup === 'string') return (console.log(`skipped: ${setup}`), ctx.skip());
    const { cwd, out } = setup;
    fillLeaving(out, FILLER, 0);
    const full = await runCli(['build'], { cwd });
    expectUserError(full);
    expect(full.errLines).toEqual(['output: error: cannot write: the disk is full (ENOSPC); free some space and build again']);
    expect(readdirSync(out)).toEqual([FILLER]);
  });
});

describe('a read-only disk under output/', () => {
  it('exits 1 naming the folder, the previous files untouched', async (ctx) => {
    const setup = projectOnTmpfs(2048);
    if (typeof setup === 'string') return (console.log(`skipped: ${setup}`), ctx.skip());
    const { cwd, out } = setup;
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const good = snapshot(out);
    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
    remount(out, true);
    const result = await runCli(['build'], { cwd });
    remount(out, false);
    expectUserError(result);
    expect(result.errLines).toEqual([
      'output: error: cannot write: the disk is read-only (EROFS); build into a writable folder (--out DIR)',
    ]);
    expect(snapshot(out)).toEqual(good);
  });
});

// Not on a tmpfs: the same all-or-none rule when the PNG's place is taken by a folder.
describe('a chart whose one file cannot be written', () => {
  it('keeps all its previous files, not a new SVG beside an old PNG', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const out = path.join(cwd, 'output');
    const good = snapshot(out);
    rmSync(path.join(out, 'exports.html'));
    mkdirSync(path.join(out, 'exports.html'));
    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
    const result = await runCli(['build'], { cwd });
    expectUserError(result);
    expect(result.errLines[0]).toBe('output/exports.html: error: cannot write: a folder is in its place (EISDIR); move the folder away and build again');
    expect(readFileSync(path.join(out, 'exports.svg'))).toEqual(good.get('exports.svg'));
    expect(readFileSync(path.join(out, 'exports.png'))).toEqual(good.get('exports.png'));
    expect(readdirSync(out).filter((name) => name.startsWith('.citechart-tmp'))).toEqual([]);
  });
});

