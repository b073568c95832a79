import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputs, describeOutput } from '../../src/cache/checkOutputs.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(name: string, data: string) {
  writeFileSync(path.join(dir, name), data);
  return describeOutput(dir, name, data);
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

  it('keeps a file touched but unchanged, with its new mtime', async () => {
    const output = await written('d.svg', '<svg/>');
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'd.svg'), later, later);
    const checked = await checkOutputs(dir, [output]);
    expect(checked?.[0]?.sha256).toBe(output.sha256);
    expect(checked?.[0]?.mtimeMs).not.toBe(output.mtimeMs);
  });
});
