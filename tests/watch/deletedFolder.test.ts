// From the break-it pass: watch stopped seeing data/ once it was deleted
// (chokidar drops a removed folder), so restoring it (git checkout, a sync
// tool) rebuilt nothing and its charts stayed failed until a restart.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watch, type WatchSession } from '../../src/commands/watch.js';
import type { ChartResult } from '../../src/commands/build.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';

const cwd = makeProject(minimalProject);
const results: ChartResult[] = [];
const removed: string[] = [];
let session: WatchSession;
const last = () => results.at(-1);

beforeAll(async () => {
  session = await watch({ cwd, port: 0, onChart: (chart) => results.push(chart), onRemoved: (name) => removed.push(name) });
  await session.idle();
});
afterAll(async () => session?.close());

describe('watch, when data/ is deleted and restored', () => {
  it('fails the chart, then rebuilds it once the folder is back', async () => {
    expect(last()).toMatchObject({ name: 'exports', ok: true });
    rmSync(path.join(cwd, 'data'), { recursive: true });
    await vi.waitFor(() => expect(last()).toMatchObject({ name: 'exports', ok: false }), { timeout: 60_000 });
    mkdirSync(path.join(cwd, 'data'));
    for (const file of ['data/sources.csv', 'data/exports.csv']) writeFileSync(path.join(cwd, file), minimalProject[file]!);
    await vi.waitFor(() => expect(last()).toMatchObject({ name: 'exports', ok: true }), { timeout: 60_000 });
    await session.idle();
  }, 150_000);

  it('sees a spec deleted with specs/ and restored with it', async () => {
    const count = results.length;
    rmSync(path.join(cwd, 'specs'), { recursive: true });
    // Seen deleted first (not a fixed wait: a loaded machine may take longer), so the restore is a new spec.
    await vi.waitFor(() => expect(removed).toEqual(['exports']), { timeout: 60_000 });
    mkdirSync(path.join(cwd, 'specs'));
    for (const file of ['specs/theme.json', 'specs/exports.vl.json']) writeFileSync(path.join(cwd, file), minimalProject[file]!);
    // The spec and the theme may be seen in two bursts: a first build may fail on the missing theme.
    await vi.waitFor(() => expect(results.slice(count).at(-1)).toMatchObject({ name: 'exports', ok: true }), { timeout: 60_000 });
    await session.idle();
    expect(last()).toMatchObject({ name: 'exports', ok: true });
  }, 150_000);
});
