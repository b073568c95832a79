import { mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputs, describeOutput } from '../../src/cache/checkOutputs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(name: string, data: string) {
  writeFileSync(path.join(dir, name), data);
  return describeOutput(name, data);
}

describe('checkOutputs', () => {
  it('accepts files as written', async () => {
    const outputs = [await written('a.svg', '<svg/>'), await written('a.png', 'PNG')];
    expect(await checkOutputs(dir, outputs)).toEqual(outputs);
  });

  it('rejects a deleted file', async () => {
    const output = await written('b.svg', '<svg/>');
    rmSync(path.join(dir, 'b.svg'));
    expect(await checkOutputs(dir, [output])).toBeUndefined();
  });

  it('rejects a file edited by hand, even to the same size', async () => {
    const output = await written('c.svg', '<svg>1</svg>');
    writeFileSync(path.join(dir, 'c.svg'), '<svg>2</svg>');
    utimesSync(path.join(dir, 'c.svg'), new Date(), new Date(Date.now() + 5000));
    expect(await checkOutputs(dir, [output])).toBeUndefined();
  });

  it('keeps a file touched but unchanged', async () => {
    const output = await written('d.svg', '<svg/>');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'd.svg'), later, later);
    expect(await checkOutputs(dir, [output])).toEqual([output]);
  });

  it('trusts content, not size and mtime: a file changed behind the same size and mtime is rejected', async () => {
    // As a file cut short on a full disk, then padded or restored by a tool that keeps mtimes.
    const output = await written('e.png', 'PNG whole file');
    const { atime, mtime } = statSync(path.join(dir, 'e.png'));
    writeFileSync(path.join(dir, 'e.png'), 'PNG cut\0\0\0\0\0\0\0');
    utimesSync(path.join(dir, 'e.png'), atime, mtime);
    expect(statSync(path.join(dir, 'e.png')).size).toBe(output.size);
    expect(await checkOutputs(dir, [output])).toBeUndefined();
  });

  it('rejects a link, even to the very bytes written', async () => {
    const output = await written('f.svg', '<svg/>');
    writeFileSync(path.join(dir, 'f-real.svg'), '<svg/>');
    rmSync(path.join(dir, 'f.svg'));
    symlinkSync(path.join(dir, 'f-real.svg'), path.join(dir, 'f.svg'));
    expect(await checkOutputs(dir, [output])).toBeUndefined();
  });
});
