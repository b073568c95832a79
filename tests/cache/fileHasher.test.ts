import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHasher } from '../../src/cache/fileHasher.js';

const require = createRequire(import.meta.url);
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('fileHasher', () => {
  it('hashes a bundled atlas from the copy citechart ships (it was null, so every build redrew the maps)', async () => {
    const [state] = await fileHasher(mkdtempSync(path.join(os.tmpdir(), 'cc-hash-')))(['citechart:world-atlas/countries-110m.json']);
    const atlas = path.join(path.dirname(require.resolve('world-atlas/package.json')), 'countries-110m.json');
    expect(state!.sha256).toBe(sha256(readFileSync(atlas)));
  });

  it('hashes project files by their bytes, and a missing one as null', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'cc-hash-'));
    writeFileSync(path.join(cwd, 'a.csv'), 'x,source\n1,s\n');
    expect(await fileHasher(cwd)(['a.csv', 'gone.csv'])).toEqual([
      { file: 'a.csv', sha256: sha256('x,source\n1,s\n') },
      { file: 'gone.csv', sha256: null },
    ]);
  });
});
