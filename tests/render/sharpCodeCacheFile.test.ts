// The code cache file of dist/bundle/sharp.cjs (issue 15, item 3: cold
// start): given to V8 only while sharp.cjs is the file it was made from.
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSharpCodeCache, writeSharpCodeCache } from '../../src/render/sharpCodeCacheFile.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-sharp-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sharp code cache file', () => {
  const bundle = path.join(dir, 'sharp.cjs');
  const cache = path.join(dir, 'sharp.cache');
  const data = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  it('gives back the bytes written while the bundle keeps its mtime', () => {
    writeFileSync(bundle, 'module.exports = 1;');
    writeSharpCodeCache(bundle, cache, data);
    expect(readSharpCodeCache(bundle, cache)).toEqual(data);
  });

  it('gives nothing once the bundle has another mtime, or when a file is missing or the cache too short', () => {
    writeFileSync(bundle, 'module.exports = 2;');
    writeSharpCodeCache(bundle, cache, data);
    utimesSync(bundle, new Date(), new Date(Date.now() - 60_000));
    expect(readSharpCodeCache(bundle, cache)).toBeUndefined();
    expect(readSharpCodeCache(path.join(dir, 'none.cjs'), cache)).toBeUndefined();
    expect(readSharpCodeCache(bundle, path.join(dir, 'none.cache'))).toBeUndefined();
    writeFileSync(cache, Buffer.alloc(8));
    expect(readSharpCodeCache(bundle, cache)).toBeUndefined();
  });
});
