import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listDataFiles } from '../../src/load/index.js';
import { project } from '../helpers/project.js';

test('lists data/*.csv except sources.csv, sorted, project-relative', async () => {
  const cwd = await project({
    'data/sources.csv': '',
    'data/z.csv': '',
    'data/a.csv': '',
    'data/a.schema.json': '{}',
    'data/notes.txt': '',
    'data/nested/b.csv': '',
    'specs/c.csv': '',
  });
  await mkdir(path.join(cwd, 'data/dir.csv'));
  expect(await listDataFiles(cwd)).toEqual(['data/a.csv', 'data/z.csv']);
});

test('a project without data/ has no tables', async () => {
  expect(await listDataFiles(await project({}))).toEqual([]);
});
