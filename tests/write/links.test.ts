// A symbolic link in output/ (a cloned repository can hold one, pointing
// anywhere) was followed: build overwrote the file it pointed to, for every
// output file, the manifest, the gallery and the cache. Now every write
// refuses a link with its path, and what it points to stays untouched.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { OutputError } from '../../src/write/outputError.js';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { EXPORTS_CSV, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

const LINK = 'this is a symbolic link: citechart never writes through a link (it could point anywhere, even out of the project); delete the link and build again';
const outside = mkdtempSync(path.join(os.tmpdir(), 'citechart-outside-'));
afterAll(() => rmSync(outside, { recursive: true, force: true }));

/** A file outside the project, its content to compare after. */
function victim(name: string): { file: string; content: string } {
  const file = path.join(outside, name);
  writeFileSync(file, `not yours: ${name}\n`);
  return { file, content: `not yours: ${name}\n` };
}

async function buildError(cwd: string): Promise<string[]> {
  const error = await build({ cwd, jobs: 1 }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(OutputError);
  return format((error as OutputError).diagnostics);
}

describe('links in the output folder', () => {
  it('output/ itself a link out of the project: refused before anything is drawn (exit 1), the folder it points to untouched', async () => {
    const cwd = makeProject(minimalProject);
    const target = path.join(outside, 'site');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'mine');
    symlinkSync(target, path.join(cwd, 'output'));
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(1);
    expect(result.errLines).toEqual([`output: error: ${LINK}`]);
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(readdirSync(target)).toEqual(['keep.txt']);
  });

  it('a folder on the way to --out that is a link is refused too', async () => {
    const cwd = makeProject(minimalProject);
    mkdirSync(path.join(outside, 'public'));
    symlinkSync(path.join(outside, 'public'), path.join(cwd, 'public'));
    const error = await build({ cwd, outDir: 'public/charts', jobs: 1 }).catch((caught: unknown) => caught);
    expect(format((error as OutputError).diagnostics)).toEqual([`public: error: ${LINK}`]);
    expect(readdirSync(path.join(outside, 'public'))).toEqual([]);
  });

  for (const file of ['manifest.json', 'index.html', '.citechart-cache.json', '.citechart.lock']) {
    it(`output/${file} a link: refused with its path before any chart is drawn; its target untouched`, async () => {
      const cwd = makeProject(minimalProject);
      expect((await build({ cwd, jobs: 1 })).charts[0]?.ok).toBe(true);
      const before = readFileSync(path.join(cwd, 'output/exports.svg'));
      const { file: target, content } = victim(`${file}-target`);
      rmSync(path.join(cwd, 'output', file), { force: true });
      symlinkSync(target, path.join(cwd, 'output', file));
      writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
      expect(await buildError(cwd)).toEqual([`output/${file}: error: ${LINK}`]);
      expect(readFileSync(target, 'utf8')).toBe(content);
      expect(readFileSync(path.join(cwd, 'output/exports.svg')).equals(before)).toBe(true);
    });
  }

  for (const file of ['exports.svg', 'exports.png', 'exports.html']) {
    it(`output/${file} a link: the chart fails naming it, none of its files is written, the target untouched`, async () => {
      const cwd = makeProject(minimalProject);
      await build({ cwd, jobs: 1 });
      const before = new Map(['exports.svg', 'exports.png', 'exports.html'].map((name) => [name, readFileSync(path.join(cwd, 'output', name))]));
      const { file: target, content } = victim(`${file}-target`);
      rmSync(path.join(cwd, 'output', file));
      symlinkSync(target, path.join(cwd, 'output', file));
      writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,121'));
      const result = await build({ cwd, jobs: 1 });
      expect(result.charts[0]?.ok).toBe(false);
      expect(format(result.charts[0]!.diagnostics)).toEqual([`output/${file}: error: ${LINK}`]);
      expect(readFileSync(target, 'utf8')).toBe(content);
      for (const [name, bytes] of before) if (name !== file) expect(readFileSync(path.join(cwd, 'output', name)).equals(bytes), name).toBe(true);
    });
  }

  it('a stale temporary file that is a link is removed as a link; what it points to stays', async () => {
    const cwd = makeProject(minimalProject);
    mkdirSync(path.join(cwd, 'output'));
    const { file: target, content } = victim('temp-target');
    symlinkSync(target, path.join(cwd, 'output', '.citechart-tmp-1-abc'));
    expect((await build({ cwd, jobs: 1 })).charts[0]?.ok).toBe(true);
    expect(readdirSync(path.join(cwd, 'output')).filter((name) => name.startsWith('.citechart-tmp'))).toEqual([]);
    expect(readFileSync(target, 'utf8')).toBe(content);
  });
});
