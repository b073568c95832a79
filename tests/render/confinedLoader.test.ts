import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedLoader } from '../../src/render/confinedLoader.js';

const project = mkdtempSync(path.join(os.tmpdir(), 'citechart-loader-'));
mkdirSync(path.join(project, 'data'));
writeFileSync(path.join(project, 'data', 'a.csv'), 'x\n1\n');
writeFileSync(path.join(project, '.env'), 'SECRET=hunter2\n');

const REFUSED = /^refused to load .*: Vega loads nothing in citechart/;

describe('confinedLoader', () => {
  const loader = confinedLoader();

  // citechart injects every table itself: the loader is a wall, not a reader,
  // so even a file inside data/ is refused (defence in depth behind findDataRefs).
  it.each([
    'data/a.csv',
    '.env',
    path.join(project, '.env'),
    '../outside.csv',
    'data/../../outside.csv',
    '/etc/passwd',
    'file:///etc/passwd',
    'http://127.0.0.1/x.csv',
    'https://example.com/x.csv',
    '//example.com/x',
    'data:text/plain,hello',
  ])('refuses to load %s', async (uri) => {
    await expect(loader.load(uri)).rejects.toThrow(REFUSED);
  });

  it('refuses to read a file or fetch a URL asked for directly', async () => {
    await expect(loader.file(path.join(project, '.env'))).rejects.toThrow(REFUSED);
    await expect(loader.http('https://example.com/')).rejects.toThrow(REFUSED);
  });

  it('refuses every image URL and every data URL, even inside the project', async () => {
    await expect(loader.sanitize('data/a.csv', { context: 'image' } as never)).rejects.toThrow(REFUSED);
    await expect(loader.sanitize('data/a.csv', { context: 'dataflow' } as never)).rejects.toThrow(REFUSED);
    await expect(loader.sanitize('data/a.csv', {} as never)).rejects.toThrow(REFUSED);
  });

  it('lets http(s) links through as links and drops others without failing', async () => {
    expect(await loader.sanitize('https://example.com/', { context: 'href' } as never)).toEqual({ href: 'https://example.com/' });
    for (const uri of ['javascript:alert(1)', '/news/story', ''])
      expect(await loader.sanitize(uri, { context: 'href' } as never)).toEqual({ href: null });
  });
});
