// Big tables' sha256 kept across builds (issue 16, speed): used while the
// file's device, inode, size and times are those recorded, read again when
// any differs; a file changed moments before it was read is not kept.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hashBigTable } from '../../src/bigtable/hashBigTable.js';
import { loadTableHashes, saveTableHashes, TABLE_HASHES } from '../../src/bigtable/tableHashStore.js';
import { makeProject } from '../helpers/fixtureProject.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const stored = (outDir: string) => JSON.parse(readFileSync(path.join(outDir, TABLE_HASHES), 'utf8')) as { format: number; tables: Array<{ file: string; identity: string; sha256: string }> };

afterEach(() => {
  vi.useRealTimers();
});

describe('the table hash store', () => {
  it('keeps the hash of a file last changed over 3 s before it was read, not of one changed just now', async () => {
    const cwd = makeProject({ 'data/old.csv': 'a\n1\n', 'data/new.csv': 'a\n2\n' });
    const [old, fresh] = [path.join(cwd, 'data', 'old.csv'), path.join(cwd, 'data', 'new.csv')];
    expect(await hashBigTable([fresh])).toBe(sha('a\n2\n'));
    // The clock moved on 10 s: old.csv, read now, last changed long before.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 10_000);
    expect(await hashBigTable([old])).toBe(sha('a\n1\n'));
    const outDir = path.join(cwd, 'output');
    mkdirSync(outDir);
    await saveTableHashes(outDir, '');
    const { format, tables } = stored(outDir);
    expect(format).toBe(1);
    const mine = tables.filter((entry) => entry.file.startsWith(cwd));
    expect(mine.map((entry) => [entry.file, entry.sha256])).toEqual([[old, sha('a\n1\n')]]);
    expect(mine[0]!.identity).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
  });

  it('uses a stored hash while the file is unchanged, and reads the file again once it changes', async () => {
    const cwd = makeProject({ 'data/t.csv': 'a\n1\n' });
    const file = path.join(cwd, 'data', 't.csv');
    const outDir = path.join(cwd, 'output');
    // A hash another build recorded for this very file (a made-up one: proof the bytes were not read).
    const s = statSync(file, { bigint: true });
    const identity = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    const recorded = 'ab'.repeat(32);
    mkdirSync(outDir, { recursive: true });
    const text = JSON.stringify({ format: 1, tables: [{ file, identity, sha256: recorded }] });
    writeFileSync(path.join(outDir, TABLE_HASHES), text);
    expect(await loadTableHashes(outDir)).toBe(text);
    expect(await hashBigTable([file])).toBe(recorded);
    // An edit changes the identity (here its size; a same-size edit its changed time, which
    // a stored entry predates by over 3 s): the bytes are read again.
    writeFileSync(file, 'a\n22\n');
    expect(await hashBigTable([file])).toBe(sha('a\n22\n'));
  });

  it('ignores a malformed store, and entries that are not hashes', async () => {
    const cwd = makeProject({ 'data/t.csv': 'a\n1\n' });
    const file = path.join(cwd, 'data', 't.csv');
    const outDir = path.join(cwd, 'output');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path.join(outDir, TABLE_HASHES), '{not json');
    expect(await loadTableHashes(outDir)).toBe('{not json');
    const s = statSync(file, { bigint: true });
    const identity = `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
    writeFileSync(path.join(outDir, TABLE_HASHES), JSON.stringify({ format: 1, tables: [{ file, identity, sha256: 'not a hash' }, { file: 'data/t.csv', identity, sha256: 'ab'.repeat(32) }] }));
    await loadTableHashes(outDir);
    expect(await hashBigTable([file])).toBe(sha('a\n1\n'));
    expect(await loadTableHashes(path.join(cwd, 'missing'))).toBe('');
  });
});
