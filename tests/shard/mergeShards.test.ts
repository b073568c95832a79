// manifest --merge's checks, on shard manifests made here: the CLI around
// them is tested end to end in tests/e2e/shard.test.ts.
import { describe, expect, test } from 'vitest';
import { mergeShards, type ShardFile } from '../../src/shard/mergeShards.js';
import type { ShardManifest } from '../../src/shard/shardManifest.js';
import { shardOf } from '../../src/shard/shardOf.js';
import type { ManifestEntry } from '../../src/write/manifest.js';

const NAMES = ['alpha', 'alpha.fr', 'beta', 'delta', 'epsilon', 'gamma', 'zeta'].sort();
const INPUTS = [
  { file: 'data/sources.csv', sha256: 'a'.repeat(64) },
  { file: 'specs/alpha.vl.json', sha256: 'b'.repeat(64) },
];
const VERSIONS = { citechart: '0.1.0', vega: '6.0.0' };

const entry = (name: string, out: string): ManifestEntry => ({
  title: `The ${name} chart`,
  files: [`${out}/${name}.svg`, `${out}/${name}.png`],
  sources: ['s'],
  inputs: [{ file: 'data/sources.csv', sha256: 'a'.repeat(64) }],
});

/** The manifests of a sharded build of NAMES into `out-K` folders, as build --shard writes them. */
function shards(count: number, change: (manifest: ShardManifest) => void = () => undefined): ShardFile[] {
  return Array.from({ length: count }, (_, i) => {
    const index = i + 1;
    const charts = Object.create(null) as Record<string, ManifestEntry>;
    for (const name of NAMES) if (shardOf(name, count) === index) charts[name] = entry(name, `out-${index}`);
    const manifest: ShardManifest = {
      generator: 'citechart',
      shard: { index, count },
      names: NAMES,
      options: { formats: ['svg', 'png'], theme: 'light' },
      versions: { ...VERSIONS },
      inputs: INPUTS.map((input) => ({ ...input })),
      charts,
    };
    change(manifest);
    return { file: `out-${index}/manifest.shard-${index}-of-${count}.json`, manifest };
  });
}

const here = { names: NAMES, inputs: INPUTS, versions: VERSIONS };
const messagesOf = (result: ReturnType<typeof mergeShards>) => result.diagnostics.map((d) => `${d.file}: ${d.message}`);

describe('mergeShards', () => {
  test('joins the shards into every chart of the project, its files moved into the output folder', () => {
    const { merged, diagnostics } = mergeShards(shards(3), here, 'output');
    expect(diagnostics).toEqual([]);
    expect([...merged!.entries.keys()].sort()).toEqual(NAMES);
    expect(merged!.entries.get('beta')!.files).toEqual(['output/beta.svg', 'output/beta.png']);
    expect(merged!.formats).toEqual(['svg', 'png']);
  });

  test('one shard is a whole build', () => {
    expect(mergeShards(shards(1), here, 'output').merged?.entries.size).toBe(NAMES.length);
  });

  test('refuses a missing shard, naming the manifest it lacks', () => {
    const result = mergeShards(shards(3).slice(0, 2), here, 'output');
    expect(result.merged).toBeUndefined();
    expect(messagesOf(result)).toEqual([expect.stringMatching(/^output\/manifest\.shard-3-of-3\.json: no manifest of shard 3\/3 was given/)]);
  });

  test('refuses a shard given twice (overlapping charts), naming both files', () => {
    const [one, two, three] = shards(3);
    const copy = { file: 'elsewhere/manifest.shard-2-of-3.json', manifest: two!.manifest };
    const result = mergeShards([one!, two!, copy, three!], here, 'output');
    expect(messagesOf(result)).toEqual([
      'elsewhere/manifest.shard-2-of-3.json: this is shard 2/3, and so is out-2/manifest.shard-2-of-3.json: their charts overlap; give each shard\'s manifest once',
    ]);
  });

  test('refuses shards of another N', () => {
    const result = mergeShards([...shards(3), shards(2)[0]!], here, 'output');
    expect(messagesOf(result)).toEqual([expect.stringMatching(/^out-1\/manifest\.shard-1-of-2\.json: this is shard 1\/2 but out-1\/manifest\.shard-1-of-3\.json is shard 1\/3/)]);
  });

  test('refuses a chart in a shard it does not belong to', () => {
    const list = shards(3);
    const stranger = NAMES.find((name) => shardOf(name, 3) !== 1)!;
    list[0]!.manifest.charts[stranger] = entry(stranger, 'out-1');
    expect(messagesOf(mergeShards(list, here, 'output'))).toEqual([
      expect.stringMatching(new RegExp(`^out-1/manifest\\.shard-1-of-3\\.json: chart "${stranger}" belongs to shard ${shardOf(stranger, 3)}/3, not this one`)),
    ]);
  });

  test('refuses a chart that failed in its shard (no entry), naming it and the shard', () => {
    const list = shards(3);
    const owner = list[shardOf('gamma', 3) - 1]!;
    delete owner.manifest.charts.gamma;
    expect(messagesOf(mergeShards(list, here, 'output'))).toEqual([
      expect.stringContaining(`${owner.file}: chart "gamma" of shard ${owner.manifest.shard.index}/3 is not in it: it failed to build there`),
    ]);
  });

  test('refuses shards built from other inputs than the project here, naming the files', () => {
    const list = shards(3, (manifest) => {
      if (manifest.shard.index === 2) manifest.inputs[1]!.sha256 = 'c'.repeat(64);
    });
    expect(messagesOf(mergeShards(list, here, 'output'))).toEqual([
      'out-2/manifest.shard-2-of-3.json: this shard was built from other inputs than the project here: "specs/alpha.vl.json" differs; build every shard and merge from the same commit',
    ]);
    const added = shards(3, (manifest) => void manifest.inputs.push({ file: 'data/new.csv', sha256: 'd'.repeat(64) }));
    expect(messagesOf(mergeShards(added, here, 'output'))).toHaveLength(3);
  });

  test('refuses shards of another set of specs', () => {
    const list = shards(3, (manifest) => void (manifest.names = NAMES.filter((name) => name !== 'zeta')));
    expect(messagesOf(mergeShards(list, here, 'output'))[0]).toMatch(/this shard was built from another set of specs than the project here \(it lacks "zeta"\)/);
  });

  test('refuses shards built with other options than the first, or other versions than the citechart merging', () => {
    const options = shards(3, (manifest) => void (manifest.shard.index === 3 && (manifest.options = { formats: ['svg'], theme: 'light' })));
    expect(messagesOf(mergeShards(options, here, 'output'))).toEqual([
      'out-3/manifest.shard-3-of-3.json: this shard was built with --formats svg --theme light, but out-1/manifest.shard-1-of-3.json with --formats svg,png --theme light: build every shard with the same options',
    ]);
    const versions = shards(3, (manifest) => void (manifest.shard.index === 2 && (manifest.versions.vega = '6.1.0')));
    expect(messagesOf(mergeShards(versions, here, 'output'))).toEqual([
      expect.stringContaining('out-2/manifest.shard-2-of-3.json: this shard was built by other versions than the citechart merging: vega 6.1.0 (here 6.0.0)'),
    ]);
    // Every shard by another citechart than the one merging (which writes index.html): all refused.
    const newer = mergeShards(shards(3), { ...here, versions: { ...VERSIONS, citechart: '0.2.0' } }, 'output');
    expect(messagesOf(newer)).toHaveLength(3);
    expect(messagesOf(newer)[0]).toContain('citechart 0.1.0 (here 0.2.0)');
    // A package named like an Object.prototype member is no member.
    const odd = shards(3, (manifest) => void (manifest.versions = Object.assign(Object.create(null) as Record<string, string>, VERSIONS, { constructor: '1' })));
    expect(messagesOf(mergeShards(odd, here, 'output'))[0]).toContain('constructor 1 (here absent)');
  });
});
