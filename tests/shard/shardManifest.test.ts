// readShardManifest: a shard manifest is a file anyone can edit, read before
// anything is merged; its every field is checked against what `build
// --shard` can write.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeManifests } from '../../src/commands/manifest.js';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { LIMITS } from '../../src/limits.js';
import { readShardManifest } from '../../src/shard/shardManifest.js';
import { makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

const manifest = (shard: unknown) =>
  JSON.stringify(
    { generator: 'citechart', shard, names: [], options: { formats: ['svg'], theme: 'light' }, versions: {}, inputs: [], charts: {} },
    null,
    2,
  );

function read(text: string) {
  const { json } = parseJsonText('output/manifest.shard-1-of-2.json', text);
  return readShardManifest(json!);
}

describe('readShardManifest: the shard field', () => {
  it('accepts K/N up to the limit of --shard', () => {
    expect(read(manifest({ index: 2, count: LIMITS.shards })).manifest?.shard).toEqual({ index: 2, count: LIMITS.shards });
  });

  // A count past --shard's limit made the merge list every "missing" shard
  // up to it: 100,000,000 diagnostics, and node ran out of memory.
  it.each([LIMITS.shards + 1, 100_000_000])('refuses a count of %d at the shard field, as --shard does', (count) => {
    const { manifest: read1, diagnostics } = read(manifest({ index: 1, count }));
    expect(read1).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'output/manifest.shard-1-of-2.json', line: 3, severity: 'error' });
    expect(diagnostics[0]!.message).toContain(String(LIMITS.shards));
  });
});

describe('manifest --merge: a shard manifest that is no regular file', () => {
  // Reading a named pipe waits forever: `manifest --merge output/manifest.shard-*` in CI would hang, as verify once could.
  it('refuses a named pipe without opening it', async () => {
    const cwd = makeProject(minimalProject);
    mkdirSync(path.join(cwd, 'output'), { recursive: true });
    execFileSync('mkfifo', [path.join(cwd, 'output/manifest.shard-1-of-1.json')]);
    const result = await Promise.race([
      mergeManifests({ cwd, files: ['output/manifest.shard-1-of-1.json'] }),
      // Refused at once; a wait on the pipe would be forever, so a long bound loses nothing on a loaded machine.
      new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000)),
    ]);
    expect(result).not.toBe('hung');
    expect(format((result as Exclude<typeof result, 'hung'>).diagnostics)).toEqual([
      'output/manifest.shard-1-of-1.json: error: cannot read this shard manifest: it is a named pipe (FIFO)',
    ]);
  });
});
