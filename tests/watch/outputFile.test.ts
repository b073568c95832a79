import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutputFile } from '../../src/watch/outputFile.js';
import { makeProject } from '../helpers/fixtureProject.js';

describe('readOutputFile', () => {
  const cwd = makeProject({
    'output/chart.svg': '<svg/>',
    'output/chart.png': 'png',
    'output/manifest.json': '{}',
    'output/dépenses été 2024.svg': '<svg/>',
    'output/dépenses été 2024.png': 'png',
    'output/.hidden.svg': '<svg/>',
    'output/notes.txt': 'text',
    'data/sources.csv': 'secret',
  });
  const outDir = path.join(cwd, 'output');
  mkdirSync(path.join(outDir, 'sub.svg'));
  symlinkSync(path.join(cwd, 'data', 'sources.csv'), path.join(outDir, 'link.svg'));
  writeFileSync(path.join(cwd, 'outside.svg'), '<svg/>');

  it('serves the output folder’s SVG, PNG and JSON with their types', async () => {
    expect(await readOutputFile(outDir, 'chart.svg')).toEqual({ type: 'image/svg+xml', data: Buffer.from('<svg/>') });
    expect((await readOutputFile(outDir, 'chart.png'))?.type).toBe('image/png');
    expect((await readOutputFile(outDir, 'manifest.json'))?.type).toMatch(/^application\/json/);
  });

  it('serves a chart whose name (its spec’s file name) has accents and spaces', async () => {
    // Watch pages link /output/d%C3%A9penses%20%C3%A9t%C3%A9%202024.svg; the server decodes it to this name.
    expect((await readOutputFile(outDir, 'dépenses été 2024.svg'))?.type).toBe('image/svg+xml');
    expect((await readOutputFile(outDir, 'dépenses été 2024.png'))?.type).toBe('image/png');
  });

  it.each([
    ['..\\outside.svg', 'a backslash'],
    ['../outside.svg', 'a parent folder'],
    ['..%2Foutside.svg', 'an encoded slash (already decoded: still refused by name)'],
    ['../data/sources.csv', 'a project file'],
    ['/etc/passwd', 'an absolute path'],
    ['.hidden.svg', 'a dot file'],
    ['notes.txt', 'a kind of file build never writes'],
    ['sub.svg', 'a folder'],
    ['link.svg', 'a symbolic link to a file outside the folder'],
    ['missing.svg', 'a missing file'],
    ['chart.svg\0.png', 'a NUL byte'],
  ])('refuses %s (%s)', async (name) => {
    expect(await readOutputFile(outDir, name)).toBeUndefined();
  });
});
