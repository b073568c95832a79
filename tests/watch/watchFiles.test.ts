// watchFiles under the timing of a save that lands in two parts (a slow
// writer's last chunk, or a second save at once): chokidar reports a file's
// change and then drops that file's change events for 50 ms, so a write in
// that window was never seen, and watch kept showing the earlier content.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFiles, type FileWatcher } from '../../src/watch/watchFiles.js';
import { makeProject } from '../helpers/fixtureProject.js';

let watcher: FileWatcher | undefined;
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
});

describe('watchFiles', () => {
  it('sees a write that lands just after a save was reported (inside chokidar\'s 50 ms throttle)', async () => {
    const cwd = makeProject({ 'data/t.csv': 'a,b\n1,2\n' });
    const batches: Array<{ files: string[]; at: number }> = [];
    watcher = watchFiles(cwd, (files) => batches.push({ files, at: performance.now() }), 1);
    await watcher.ready;
    writeFileSync(path.join(cwd, 'data/t.csv'), 'a,b\n1,3\n');
    await vi.waitFor(() => expect(batches).toHaveLength(1), { timeout: 30_000, interval: 1 });
    // At once, as a slow writer's last chunk would: chokidar drops this event.
    writeFileSync(path.join(cwd, 'data/t.csv'), 'a,b\n1,3\n4,5\n');
    const lastWrite = performance.now();
    await vi.waitFor(() => expect(batches.at(-1)!.at).toBeGreaterThan(lastWrite), { timeout: 30_000, interval: 10 });
    expect(batches.at(-1)!.files).toEqual(['data/t.csv']);
  });

  it('one save gives one batch: a file unchanged since it was reported is not reported again', async () => {
    const cwd = makeProject({ 'data/t.csv': 'a,b\n1,2\n', 'specs/c.vl.json': '{}' });
    const batches: string[][] = [];
    watcher = watchFiles(cwd, (files) => batches.push(files), 30);
    await watcher.ready;
    writeFileSync(path.join(cwd, 'data/t.csv'), 'a,b\n1,3\n');
    writeFileSync(path.join(cwd, 'specs/c.vl.json'), '{ }');
    await vi.waitFor(() => expect(batches.flat().sort()).toEqual(['data/t.csv', 'specs/c.vl.json']), { timeout: 30_000 });
    // Past the look again (80 ms) with room to spare on a loaded machine: nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(batches.flat().sort()).toEqual(['data/t.csv', 'specs/c.vl.json']);
  });
});
