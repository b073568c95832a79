import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bigTableHash } from '../../src/bigtable/hashBigTable.js';
import { fileHasher } from '../../src/cache/fileHasher.js';

const require = createRequire(import.meta.url);

// Which files were hashed the big-table way (a big CSV's hash is its bytes' sha256 all the same).
const bigHashed = vi.hoisted(() => [] as string[]);
vi.mock('../../src/bigtable/hashBigTable.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/bigtable/hashBigTable.js')>();
  return { ...real, bigTableHash: (root: string, file: string) => (bigHashed.push(file), real.bigTableHash(root, file)) };
});
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

  // Told apart by a synchronous stat since issue 15 (the no-change rebuild): a big table is still hashed as one.
  it('hashes a CSV from CITECHART_BIG_CSV_BYTES on as the big table it is read as, a smaller one by its bytes', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'cc-hash-'));
    const big = 'x,source\n' + '1,s\n'.repeat(8);
    writeFileSync(path.join(cwd, 'big.csv'), big);
    writeFileSync(path.join(cwd, 'small.csv'), 'x,source\n1,s\n');
    vi.stubEnv('CITECHART_BIG_CSV_BYTES', String(Buffer.byteLength(big)));
    try {
      expect(await fileHasher(cwd)(['big.csv', 'small.csv'])).toEqual([
        { file: 'big.csv', sha256: await bigTableHash(cwd, 'big.csv') },
        { file: 'small.csv', sha256: sha256('x,source\n1,s\n') },
      ]);
      expect(bigHashed).toEqual(['big.csv', 'big.csv']);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
