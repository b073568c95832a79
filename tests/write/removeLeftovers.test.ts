// A manifest is a file anyone can edit (or one that came with a cloned
// repository): `build --out .` deleted the project's package.json and
// README.md because a gone chart's entry listed them.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeLeftovers } from '../../src/write/removeLeftovers.js';
import { makeProject } from '../helpers/fixtureProject.js';
import type { Manifest } from '../../src/write/manifest.js';

const entry = (files: string[]) => ({ title: 't', sources: [], inputs: [], files }) as unknown as Manifest['charts'][string];

describe('removeLeftovers', () => {
  it("removes a gone chart's own files, and nothing else its entry lists", async () => {
    const cwd = makeProject({});
    const mine = ['package.json', 'README.md', 'old.svg', 'gonechart.csv', 'gone.svg', 'gone-320w.svg', 'gone-social-1200x675.png', 'gone.html', 'gone.pdf'];
    for (const file of mine) writeFileSync(path.join(cwd, file), 'x');
    const before = { generator: 'citechart', charts: { gone: entry(mine) } } as unknown as Manifest;
    const removed = await removeLeftovers({ cwd, outDir: cwd, before, now: new Map(), known: [], formats: ['svg', 'png', 'html'] });
    expect(removed).toEqual(['gone-320w.svg', 'gone-social-1200x675.png', 'gone.html', 'gone.pdf', 'gone.svg']);
    for (const kept of ['package.json', 'README.md', 'old.svg', 'gonechart.csv']) expect(existsSync(path.join(cwd, kept))).toBe(true);
  });
});
