// `citechart new` on a full disk, a read-only disk or with a file named
// `specs` printed "internal error" and a stack trace (exit 70); on a full
// disk it could leave a spec cut short that the next `new` refused to replace.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scaffoldChart } from '../../src/commands/new.js';
import * as messages from '../../src/messages.js';
import { makeProject } from '../helpers/fixtureProject.js';
import { format, sourcesCsv } from '../helpers/project.js';
import { fillLeaving, mountTmpfs, remount, unmount } from '../helpers/tmpfs.js';

const table = { 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': 'label,value,source\nL0,1,a\nL1,2,a\n' };

describe('citechart new where the spec cannot be written', () => {
  it('a file named specs is an error saying to move it, not an internal error', async () => {
    const cwd = makeProject({ ...table, specs: 'not a folder' });
    const { file, diagnostics } = await scaffoldChart({ cwd, name: 'chart', data: 'data/t.csv' });
    expect(file).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs: error: ${messages.scaffold.cannotWrite('EEXIST')}`]);
  });

  // Needs root on Linux to mount a tmpfs (tests/helpers/tmpfs.ts), as CI runs.
  const mayMount = process.platform === 'linux' && process.getuid?.() === 0;
  it.runIf(mayMount)('a full disk is an error, and no spec cut short is left behind', async () => {
    const cwd = makeProject(table);
    const specs = path.join(cwd, 'specs');
    expect(mountTmpfs(specs, 64)).toBeUndefined();
    try {
      fillLeaving(specs, 'filler', 0);
      const { file, diagnostics } = await scaffoldChart({ cwd, name: 'chart', data: 'data/t.csv' });
      expect(file).toBeUndefined();
      expect(format(diagnostics)).toEqual([`specs/chart.vl.json: error: ${messages.scaffold.cannotWrite('ENOSPC')}`]);
      expect(existsSync(path.join(specs, 'chart.vl.json'))).toBe(false);
    } finally {
      unmount(specs);
    }
  });

  it.runIf(mayMount)('a read-only disk is an error', async () => {
    const cwd = makeProject(table);
    const specs = path.join(cwd, 'specs');
    expect(mountTmpfs(specs, 64)).toBeUndefined();
    remount(specs, true);
    try {
      const { diagnostics } = await scaffoldChart({ cwd, name: 'chart', data: 'data/t.csv' });
      expect(format(diagnostics)).toEqual([`specs/chart.vl.json: error: ${messages.scaffold.cannotWrite('EROFS')}`]);
    } finally {
      unmount(specs);
    }
  });
});
