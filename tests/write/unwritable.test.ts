import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

describe('build into an unwritable place', () => {
  it('fails the chart with a message, not a crash', async () => {
    const cwd = makeProject(minimalProject);
    // A file where the output folder should be: root ignores permissions, not this.
    writeFileSync(path.join(cwd, 'output'), 'not a folder');
    const result = await build({ cwd });
    expect(result.charts.map((c) => c.ok)).toEqual([false]);
    expect(format(result.charts[0]!.diagnostics)).toEqual([
      "output: error: cannot write the chart's files here (EEXIST); check the folder's permissions and free space",
    ]);
  });
});
