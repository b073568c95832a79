import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, writeManifest, type ManifestEntry } from '../../src/write/manifest.js';
import { writeAtomic } from '../../src/write/writeAtomic.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'citechart-write-'));
const entry = (title: string): ManifestEntry => ({ title, files: [`output/${title}.svg`], sources: ['s'], inputs: [{ file: 'data/x.csv', sha256: 'ab' }] });

describe('writeAtomic', () => {
  it('creates folders and leaves no temporary file behind', async () => {
    const dir = tmp();
    await writeAtomic(path.join(dir, 'out', 'a.svg'), '<svg/>');
    expect(readFileSync(path.join(dir, 'out', 'a.svg'), 'utf8')).toBe('<svg/>');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['a.svg']);
  });

  it('replaces an existing file whole', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.svg');
    writeFileSync(file, 'previous, and longer than the new content');
    await writeAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['a.svg']);
  });
});

describe('manifest', () => {
  it('reads an empty manifest when there is none or it is corrupt', async () => {
    const dir = tmp();
    expect(await readManifest(dir)).toEqual({ generator: 'citechart', charts: {} });
    writeFileSync(path.join(dir, 'manifest.json'), '{not json');
    expect(await readManifest(dir)).toEqual({ generator: 'citechart', charts: {} });
  });

  it('updates the charts built, keeps the others, drops deleted specs, sorted', async () => {
    const dir = tmp();
    await writeManifest(dir, { b: entry('b'), a: entry('a'), gone: entry('gone') }, ['a', 'b', 'gone']);
    await writeManifest(dir, { b: entry('b2') }, ['a', 'b']);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.charts)).toEqual(['a', 'b']);
    expect(manifest.charts.a.title).toBe('a');
    expect(manifest.charts.b.title).toBe('b2');
  });
});
