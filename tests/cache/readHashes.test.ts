// The hashes a chart records (manifest, JSON-LD, build cache key) must be of
// the bytes it was drawn from. A file saved while a build runs, after the
// project read it but before the chart was hashed, once gave the new file's
// hash to a graphic drawn from the old one: the cache then called the stale
// graphic fresh until the file changed again.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { EXPORTS_CSV, SOURCES_CSV, barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (inputs: { file: string; sha256: string }[], file: string) => inputs.find((i) => i.file === file)?.sha256;

describe('input hashes are of the bytes read', () => {
  it('a table and sources.csv saved after the project read them keep the hashes of what was drawn', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/again.vl.json': barSpec() });
    const project = await openProject(cwd);
    const first = await renderChart(project, 'exports', { png: false });
    expect(hashOf(first.chart!.entry.inputs, 'data/exports.csv')).toBe(sha(EXPORTS_CSV));
    // Saved mid-build: this project already holds the old table and sources.
    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('Norway,120', 'Norway,999'));
    writeFileSync(path.join(cwd, 'data/sources.csv'), SOURCES_CSV.replace('Widget exports 2024', 'Widget exports 2025'));
    const second = await renderChart(project, 'again', { png: false });
    expect(second.chart!.svg).toContain('Norway: 120');
    expect(hashOf(second.chart!.entry.inputs, 'data/exports.csv')).toBe(sha(EXPORTS_CSV));
    expect(hashOf(second.chart!.entry.inputs, 'data/sources.csv')).toBe(sha(SOURCES_CSV));
  });
});

describe('files saved while a build runs', () => {
  const outputs = (cwd: string) => ['a', 'b'].map((name) => readFileSync(path.join(cwd, 'output', `${name}.svg`), 'utf8'));
  const project = () => {
    const cwd = makeProject({ ...minimalProject, 'specs/a.vl.json': barSpec({ title: 'A' }), 'specs/b.vl.json': barSpec({ title: 'B' }) });
    rmSync(path.join(cwd, 'specs/exports.vl.json'));
    return cwd;
  };
  /** The next build after the interrupted one must give what a --force build gives. */
  const expectRepaired = async (cwd: string) => {
    await build({ cwd, jobs: 1 });
    const next = outputs(cwd);
    await build({ cwd, jobs: 1, force: true });
    expect(next).toEqual(outputs(cwd));
  };

  it('sources.csv saved after the project read it: the next build draws again', async () => {
    const cwd = project();
    await build({ cwd, jobs: 1 });
    writeFileSync(path.join(cwd, 'data/sources.csv'), SOURCES_CSV.replace('Widget exports 2024', 'Version two'));
    await build({
      cwd,
      jobs: 1,
      // Called once sources.csv was read, before any chart is drawn.
      onProject: () => writeFileSync(path.join(cwd, 'data/sources.csv'), SOURCES_CSV.replace('Widget exports 2024', 'Version three')),
    });
    await expectRepaired(cwd);
    expect(outputs(cwd)[0]).toContain('Version three');
  });
});
