// The read ledger (src/load/readLedger.ts) is switched off between
// recordings (issue 15: Node 20 kept async_hooks' promise hook on for the
// rest of a build after the first recording). What each recording records
// must not change with that, overlapping recordings included.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordReads, type ReadLedger } from '../../src/load/readLedger.js';
import { readText } from '../../src/load/readText.js';

function project(files: Record<string, string>): string {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'citechart-ledger-'));
  for (const [file, text] of Object.entries(files)) {
    const full = path.join(cwd, file);
    mkdirp(path.dirname(full));
    writeFileSync(full, text);
  }
  return cwd;
}
const mkdirp = (dir: string) => mkdirSync(dir, { recursive: true });
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('recordReads', () => {
  it('records the hash of every project file read inside it, across awaits, and nothing read after it', async () => {
    const cwd = project({ 'data/a.csv': 'x\n1\n', 'data/b.csv': 'x\n2\n' });
    const ledger: ReadLedger = new Map();
    await recordReads(ledger, async () => {
      await readText(cwd, 'data/a.csv');
      await new Promise((resolve) => setTimeout(resolve, 1));
    });
    await readText(cwd, 'data/b.csv');
    expect([...ledger]).toEqual([['data/a.csv', sha256('x\n1\n')]]);
  });

  it('keeps recording a read that comes after another recording, begun later, has ended', async () => {
    const cwd = project({ 'data/a.csv': 'x\n1\n', 'data/b.csv': 'x\n2\n' });
    const first: ReadLedger = new Map();
    const second: ReadLedger = new Map();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const longer = recordReads(first, async () => {
      await gate;
      await readText(cwd, 'data/a.csv');
    });
    await recordReads(second, () => readText(cwd, 'data/b.csv'));
    release();
    await longer;
    expect([...first]).toEqual([['data/a.csv', sha256('x\n1\n')]]);
    expect([...second]).toEqual([['data/b.csv', sha256('x\n2\n')]]);
    // A later recording records again once none was under way.
    const third: ReadLedger = new Map();
    await recordReads(third, () => readText(cwd, 'data/a.csv'));
    expect([...third.keys()]).toEqual(['data/a.csv']);
  });
});
