// Issue 15: each chart asked the file system where each of its tables is
// twice (two realpaths and a stat each time, pushdown then tablesFor); a
// project now locates a table once however many charts draw it.
import { describe, expect, it, vi } from 'vitest';
import { renderChart } from '../../src/renderChart.js';
import { openProject } from '../../src/project.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

const calls: string[] = [];
vi.mock('../../src/load/locateProjectFile.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/load/locateProjectFile.js')>();
  return {
    ...original,
    locateProjectFile: (cwd: string, file: string) => {
      calls.push(file);
      return original.locateProjectFile(cwd, file);
    },
  };
});

describe('a project locates each table once', () => {
  it('three charts of one table: data/exports.csv located for the first only (and once more as it is read), each chart drawn', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/second.vl.json': barSpec({ title: 'Second' }), 'specs/third.vl.json': barSpec({ title: 'Third' }) });
    const project = await openProject(cwd);
    const located = () => calls.filter((file) => file === 'data/exports.csv').length;
    const after: number[] = [];
    for (const name of ['exports', 'second', 'third']) {
      const { chart, diagnostics } = await renderChart(project, name, { png: false });
      expect(diagnostics.filter((d) => d.severity === 'error'), name).toEqual([]);
      expect(chart?.svg, name).toContain('</svg>');
      after.push(located());
    }
    // Where it is (once), and readProjectFile's own check as the table is read (once).
    expect(after).toEqual([2, 2, 2]);
  });
});
