import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { OutputError } from '../../src/write/outputError.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

describe('build into an unwritable place', () => {
  it('a file where the output folder should be: an OutputError naming it, not a crash', async () => {
    const cwd = makeProject(minimalProject);
    writeFileSync(path.join(cwd, 'output'), 'not a folder');
    const error = await build({ cwd }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputError);
    expect(format((error as OutputError).diagnostics)).toEqual([
      'output: error: this is not a folder, but the build writes its files here; move it away or pass --out DIR',
    ]);
  });
});
