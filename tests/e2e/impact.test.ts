// `citechart impact` (issue 14): every graphic that draws a row or cites a source, from the manifest.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';

describe('citechart impact', () => {
  it('lists the graphics citing a source, drawing a table or one row; none for a source no graphic cites', async () => {
    const dir = makeProject({
      ...minimalProject,
      // Kenya (the only row citing monitor-2023) filtered out.
      'specs/big.vl.json': barSpec({ transform: [{ filter: 'datum.exports > 50' }] }),
    });
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const files = (name: string) => `(output/${name}.svg, output/${name}.png, output/${name}.html)`;
    expect((await runCli(['impact', 'monitor-2023'], { cwd: dir })).outLines).toEqual([`exports: cites "monitor-2023" ${files('exports')}`]);
    expect((await runCli(['impact', 'stats-2024'], { cwd: dir })).outLines).toEqual([
      `big: cites "stats-2024" ${files('big')}`,
      `exports: cites "stats-2024" ${files('exports')}`,
    ]);
    expect((await runCli(['impact', 'data/exports.csv#Kenya'], { cwd: dir })).outLines).toEqual([`exports: draws data/exports.csv row "Kenya" ${files('exports')}`]);
    expect((await runCli(['impact', 'data/exports.csv'], { cwd: dir })).outLines).toEqual([
      `big: draws 2 rows of data/exports.csv ${files('big')}`,
      `exports: draws 3 rows of data/exports.csv ${files('exports')}`,
    ]);
    const none = await runCli(['impact', 'retracted-2020'], { cwd: dir });
    expect(none.outLines[0]).toMatch(/^no graphic of the last build draws or cites "retracted-2020"/);
    expect(none.code).toBe(0);
  });
});
