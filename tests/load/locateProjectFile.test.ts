// Issue 9, item 2: the loader checked path text and never resolved it, so a
// link in data/ read /etc/passwd, and a FIFO in data/ made `check` wait forever.
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateProjectFile, specialKind } from '../../src/load/locateProjectFile.js';
import { readProjectFile } from '../../src/load/readProjectFile.js';
import { makeProject } from '../helpers/fixtureProject.js';

describe.skipIf(process.platform === 'win32')('locateProjectFile and readProjectFile', () => {
  const outside = makeProject({ 'secret.csv': 'a,source\nTOP SECRET,x\n' });
  const cwd = makeProject({ 'data/a.csv': 'a\n1\n', '.env': 'TOKEN=hunter2\n', 'specs/x.vl.json': '{}' });
  symlinkSync('a.csv', path.join(cwd, 'data', 'same.csv'));
  symlinkSync('/etc/passwd', path.join(cwd, 'data', 'passwd.csv'));
  symlinkSync('../.env', path.join(cwd, 'data', 'env.csv'));
  symlinkSync('../specs/x.vl.json', path.join(cwd, 'data', 'spec.csv'));
  symlinkSync(path.join(outside, 'secret.csv'), path.join(cwd, 'data', 'secret.csv'));
  execFileSync('mkfifo', [path.join(cwd, 'data', 'pipe.csv')]);
  mkdirSync(path.join(cwd, 'data', 'folder.csv'));
  const real = (file: string) => realpathSync(path.join(cwd, file));

  it('accepts a regular file in data/, and a link to one', async () => {
    expect(await locateProjectFile(cwd, 'data/a.csv')).toEqual({ place: 'inside', real: real('data/a.csv') });
    expect(await locateProjectFile(cwd, 'data/same.csv')).toEqual({ place: 'inside', real: real('data/a.csv') });
    expect(await readProjectFile(cwd, 'data/same.csv')).toEqual({ bytes: Buffer.from('a\n1\n') });
  });

  it.each([
    ['data/passwd.csv', '/etc/passwd'],
    ['data/env.csv', '.env'],
    ['data/spec.csv', 'specs/x.vl.json'],
    ['data/secret.csv', undefined],
  ])('refuses %s, a link out of data/, with the path it leads to', async (file, target) => {
    const where = await locateProjectFile(cwd, file);
    expect(where.place).toBe('outside');
    const to = target === undefined ? realpathSync(path.join(outside, 'secret.csv')) : target.startsWith('/') ? realpathSync(target) : real(target);
    expect(where).toEqual({ place: 'outside', real: to });
    expect(await readProjectFile(cwd, file)).toEqual({
      problem: `${file} is a link to ${to}, outside its folder in the project; citechart reads only files inside it, so copy the file in`,
    });
  });

  it('refuses a FIFO and a folder without opening them', async () => {
    expect(await locateProjectFile(cwd, 'data/pipe.csv')).toMatchObject({ place: 'special', kind: 'named pipe (FIFO)' });
    expect(await locateProjectFile(cwd, 'data/folder.csv')).toMatchObject({ place: 'special', kind: 'folder' });
    expect(await readProjectFile(cwd, 'data/pipe.csv')).toEqual({
      problem: 'data/pipe.csv is a named pipe (FIFO), not a file; citechart reads only regular files, so replace it with the file itself',
    });
  });

  it('names a device as one (mknod needs root, so /dev/null stands in)', () => {
    expect(specialKind(statSync('/dev/null'))).toBe('device');
    expect(specialKind(statSync(path.join(cwd, 'data', 'a.csv')))).toBeUndefined();
  });

  it('refuses every table when data/ itself is a link out of the project', async () => {
    const linked = makeProject({ 'specs/x.vl.json': '{}' });
    symlinkSync(path.dirname(path.join(outside, 'secret.csv')), path.join(linked, 'data'));
    expect((await locateProjectFile(linked, 'data/secret.csv')).place).toBe('outside');
  });

  it('says missing for a file that is not there, or a dangling link', async () => {
    symlinkSync('nowhere.csv', path.join(cwd, 'data', 'dangling.csv'));
    expect(await locateProjectFile(cwd, 'data/none.csv')).toEqual({ place: 'missing' });
    expect(await locateProjectFile(cwd, 'data/dangling.csv')).toEqual({ place: 'missing' });
    expect(await readProjectFile(cwd, 'data/none.csv')).toEqual({ problem: 'file not found: data/none.csv' });
  });
});
