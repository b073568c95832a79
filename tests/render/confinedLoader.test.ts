import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedLoader } from '../../src/render/confinedLoader.js';

const project = mkdtempSync(path.join(os.tmpdir(), 'citechart-loader-'));
mkdirSync(path.join(project, 'data'));
writeFileSync(path.join(project, 'data', 'a.csv'), 'x\n1\n');

describe('confinedLoader', () => {
  const loader = confinedLoader(project);

  it('reads a file inside the project', async () => {
    expect(String(await loader.load('data/a.csv'))).toBe('x\n1\n');
  });

  it.each(['../outside.csv', 'data/../../outside.csv', '/etc/passwd', 'file:///etc/passwd', 'http://127.0.0.1/x.csv', 'https://example.com/x.csv', '//example.com/x'])(
    'refuses %s',
    async (uri) => {
      await expect(loader.load(uri)).rejects.toThrow(/^refused to load .*: citechart loads only files inside the project folder/);
    },
  );

  it('refuses every image URL, even inside the project', async () => {
    await expect(loader.sanitize('data/a.csv', { context: 'image' } as never)).rejects.toThrow(/refused/);
  });

  it('lets http(s) links through as links and drops others without failing', async () => {
    expect(await loader.sanitize('https://example.com/', { context: 'href' } as never)).toEqual({ href: 'https://example.com/' });
    for (const uri of ['javascript:alert(1)', '/news/story', ''])
      expect(await loader.sanitize(uri, { context: 'href' } as never)).toEqual({ href: null });
  });
});
