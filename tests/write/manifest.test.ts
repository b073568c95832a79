// A garbled output/manifest.json of the right format but the wrong shape (a
// hand edit, a merge conflict) crashed the build after every chart was
// drawn. It is now checked entry by entry like the build cache: what is
// garbled is dropped with a warning, and the build writes it whole again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestChecked } from '../../src/write/manifest.js';
import { runCli, STACK_FRAME } from '../helpers/cli.js';
import { makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

const good = { title: 'Exports', files: ['output/exports.svg'], sources: ['stats-2024'], inputs: [{ file: 'data/exports.csv', sha256: 'ab' }] };
const NOT_CHARTS = 'it has no "charts" object; it is not what citechart writes (a hand edit or a merge conflict?) and is ignored: it is rewritten by this build';
const entryGarbled = (name: string) =>
  `the entry of chart "${name}" is not what citechart writes (a hand edit or a merge conflict?); it is dropped and rewritten when the chart is built`;

async function read(text: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-manifest-'));
  writeFileSync(path.join(dir, 'manifest.json'), text);
  return readManifestChecked(dir);
}

describe('readManifestChecked', () => {
  it('keeps valid entries and drops each garbled one with a warning naming it', async () => {
    const { manifest, warnings } = await read(
      JSON.stringify({
        generator: 'citechart',
        charts: {
          ok: good,
          none: null,
          number: 5,
          filesText: { ...good, files: 'output/x.svg' },
          filesNumbers: { ...good, files: [1] },
          noTitle: { ...good, title: undefined },
          badInput: { ...good, inputs: [{ file: 1 }] },
          inputsObject: { ...good, inputs: {} },
        },
      }),
    );
    expect(Object.keys(manifest.charts)).toEqual(['ok']);
    expect(warnings).toEqual(['none', 'number', 'filesText', 'filesNumbers', 'noTitle', 'badInput', 'inputsObject'].map(entryGarbled));
  });

  it('a file of another shape altogether is ignored with one warning', async () => {
    for (const text of ['[]', 'null', '5', '"x"', '{}', '{"charts": []}', '{"charts": "x"}', '{"charts": null}']) {
      const { manifest, warnings } = await read(text);
      expect(Object.keys(manifest.charts), text).toEqual([]);
      expect(warnings, text).toEqual([NOT_CHARTS]);
    }
    const { warnings } = await read('{"charts": {');
    expect(warnings[0]).toMatch(/^it is not JSON: at line 1, column 13, invalid JSON: .+; it is not what citechart writes/);
    // Where it breaks, in citechart's words: no JavaScript "… in JSON at position N".
    const { warnings: second } = await read('{\n  "generator": "citechart",\n  "charts": {,}\n}\n');
    expect(second[0]).toMatch(/^it is not JSON: at line 3, column 14, invalid JSON: /);
    expect(second[0]).not.toMatch(/position/);
  });

  it('no manifest is no warning', async () => {
    expect(await readManifestChecked(mkdtempSync(path.join(os.tmpdir(), 'citechart-manifest-')))).toMatchObject({ warnings: [] });
  });
});

describe('build over a garbled manifest', () => {
  it('warns, rebuilds, writes the manifest whole; verify --all works (each shape crashed build or verify before)', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const manifest = readText(cwd, 'output/manifest.json');
    for (const garbled of [
      { generator: 'citechart', charts: { exports: null } },
      { generator: 'citechart', charts: { gone: { files: 5 } } },
      { generator: 'citechart', charts: { gone: { ...good, files: [1] } } },
    ]) {
      writeFileSync(path.join(cwd, 'output/manifest.json'), JSON.stringify(garbled));
      const verified = await runCli(['verify', '--all'], { cwd });
      expect(verified.stderr).not.toContain(STACK_FRAME);
      expect(verified.code).toBe(0);
      const result = await runCli(['build'], { cwd });
      expect(result.stderr).not.toContain(STACK_FRAME);
      expect(result.code).toBe(0);
      expect(result.errLines).toEqual([`output/manifest.json: warning: ${entryGarbled(Object.keys(garbled.charts)[0]!)}`]);
      expect(readText(cwd, 'output/manifest.json')).toBe(manifest);
    }
  });
});
