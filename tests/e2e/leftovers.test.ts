// Files no chart writes any more (a dropped artboard width, a deleted spec)
// are removed by the next build, so output/ holds what the manifest lists and
// `verify --all` passes; failed charts and formats not asked for keep theirs.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject } from '../helpers/fixtureProject.js';

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
