// Sharded builds (issue 15, item 5): `build --shard K/N` on N machines, their
// output folders poured into one, `manifest --merge` → the same files, byte
// for byte, as one `build`; and every way the slices can fail to make one build.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_FRAME, type CliResult } from '../helpers/cli.js';
import { barSpec, listFiles, makeProject, minimalProject, readBytes, type Files } from '../helpers/fixtureProject.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SHARD_MANIFEST = /^manifest\.shard-\d+-of-\d+\.json$/;

/** The repository's own project (data/, specs/): translated editions, artboards, a map. */
function repoProject(): Files {
  const files: Files = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(REPO, folder), { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) files[file] = readFileSync(path.join(REPO, file));
    }
  };
  walk('data');
  walk('specs');
  return files;
}

interface ShardManifestJson {
  shard: { index: number; count: number };
  names: string[];
  charts: Record<string, { files: string[] }>;
}
const readShardManifest = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ShardManifestJson;

describe('build --shard K/N, then manifest --merge, against one build (N = 3)', () => {
  let single: string;
  let sharded: string;
  let singleBuild: CliResult;
  const shardBuilds: CliResult[] = [];
  let merge: CliResult;

  beforeAll(async () => {
    const files = repoProject();
    single = makeProject(files);
    sharded = makeProject(files);
    singleBuild = await runCli(['build'], { cwd: single, timeoutMs: 110_000 });
    // As on three CI machines: each shard into a folder of its own, then all poured into output/.
    for (const k of [1, 2, 3]) shardBuilds.push(await runCli(['build', '--shard', `${k}/3`, '--out', `shard-${k}`], { cwd: sharded, timeoutMs: 110_000 }));
    mkdirSync(path.join(sharded, 'output'));
    for (const k of [1, 2, 3]) cpSync(path.join(sharded, `shard-${k}`), path.join(sharded, 'output'), { recursive: true });
    const manifests = [1, 2, 3].map((k) => `output/manifest.shard-${k}-of-3.json`);
    merge = await runCli(['manifest', '--merge', ...manifests], { cwd: sharded });
  }, 330_000);

  it('builds each shard, and merges', () => {
    expect(singleBuild.code).toBe(0);
    for (const [i, build] of shardBuilds.entries()) {
      expect(build.code, build.stderr).toBe(0);
      expect(build.stdout).toContain(`shard ${i + 1}/3: `);
      expect(build.stderr).not.toContain(STACK_FRAME);
    }
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    expect(merge.outLines).toEqual([expect.stringMatching(/^merged 3 shard manifests: \d+ charts in output\/manifest\.json$/)]);
  });

  it('draws every chart in exactly one shard, each translated edition in its chart\'s', () => {
    const manifests = [1, 2, 3].map((k) => readShardManifest(path.join(sharded, `shard-${k}`, `manifest.shard-${k}-of-3.json`)));
    const drawn = manifests.flatMap((manifest) => Object.keys(manifest.charts));
    expect(drawn.slice().sort()).toEqual(manifests[0]!.names);
    expect(new Set(drawn).size).toBe(drawn.length);
    const shardOfName = new Map(manifests.flatMap((manifest) => Object.keys(manifest.charts).map((name) => [name, manifest.shard.index] as const)));
    const editions = drawn.filter((name) => /\.fr$/.test(name));
    expect(editions.length).toBeGreaterThan(0);
    for (const edition of editions) expect(shardOfName.get(edition), edition).toBe(shardOfName.get(edition.replace(/\.fr$/, '')));
    // Artboards go with their chart: every file of a chart is in its shard's folder.
    for (const [k, manifest] of manifests.entries()) {
      for (const entry of Object.values(manifest.charts)) for (const file of entry.files) expect(file.startsWith(`shard-${k + 1}/`), file).toBe(true);
    }
  });

  it('writes the same files as one build, byte for byte (manifest.json and index.html included)', () => {
    const expected = listFiles(path.join(single, 'output'));
    const merged = listFiles(path.join(sharded, 'output')).filter((file) => !SHARD_MANIFEST.test(file));
    expect(merged).toEqual(expected);
    expect(expected).toContain('manifest.json');
    expect(expected).toContain('index.html');
    expect(expected.some((file) => /-\d+w\.svg$/.test(file))).toBe(true);
    for (const file of expected) expect(readBytes(sharded, `output/${file}`).equals(readBytes(single, `output/${file}`)), `${file} differs`).toBe(true);
  });

  it('passes verify', async () => {
    const verify = await runCli(['verify', '--all'], { cwd: sharded });
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.outLines.at(-1)).toMatch(/^\d+ up to date, 0 stale$/);
  });
});

describe('build --shard: bad values are usage errors', () => {
  const cwd = makeProject(minimalProject);

  it.each(['0/3', '4/3', 'a/b', '1/0', '1/3/3', '-1/3', ''])('--shard %j: exit 2, the value named, nothing written', async (value) => {
    const result = await runCli(['build', '--shard', value, '--formats', 'svg'], { cwd });
    expect(result.code).toBe(2);
    expect(result.errLines).toEqual([`citechart: --shard takes K/N, shard K of N with 1 ≤ K ≤ N ≤ 1000 (e.g. --shard 2/3), not ${JSON.stringify(value)}`]);
    expect(existsSync(path.join(cwd, 'output'))).toBe(false);
  });

  it('with chart names: exit 2', async () => {
    const result = await runCli(['build', 'exports', '--shard', '1/2'], { cwd });
    expect(result.code).toBe(2);
    expect(result.errLines).toEqual(['citechart: --shard slices the whole project: name no charts with it (or build them without --shard)']);
  });
});

describe('manifest --merge refuses slices that do not make one build, and writes nothing', () => {
  // Six small charts, SVG only, built as two shards into output/ (one folder, as on one machine).
  const charts = ['exports', 'imports', 'prices', 'wages', 'rents', 'fares'];
  const files: Files = { ...minimalProject };
  for (const name of charts.slice(1)) files[`specs/${name}.vl.json`] = barSpec({ title: `Widget ${name} by country` });
  const SHARDS = ['output/manifest.shard-1-of-2.json', 'output/manifest.shard-2-of-2.json'];
  let cwd: string;

  /** A fresh copy of the built project, so each case breaks its own. */
  const copy = () => {
    const dir = makeProject({});
    cpSync(cwd, dir, { recursive: true });
    return dir;
  };
  const refused = (result: CliResult) => {
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(STACK_FRAME);
    expect(result.errLines.at(-1)).toBe('nothing written: fix the shard manifests above (or build the shards again) and merge again');
  };

  beforeAll(async () => {
    cwd = makeProject(files);
    for (const shard of ['1/2', '2/2']) {
      const result = await runCli(['build', '--shard', shard, '--formats', 'svg', '--jobs', '1'], { cwd });
      expect(result.code, result.stderr).toBe(0);
    }
  }, 120_000);

  it('merges when nothing is wrong (the baseline of the cases below)', async () => {
    const dir = copy();
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'output/manifest.json'), 'utf8')) as { charts: Record<string, unknown> };
    expect(Object.keys(manifest.charts)).toEqual(charts.slice().sort());
  });

  it('a shard missing', async () => {
    const dir = copy();
    const result = await runCli(['manifest', '--merge', SHARDS[0]!], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toMatch(/^output\/manifest\.shard-2-of-2\.json: error: no manifest of shard 2\/2 was given/);
    expect(existsSync(path.join(dir, 'output/manifest.json'))).toBe(false);
  });

  it('a shard given twice', async () => {
    const dir = copy();
    cpSync(path.join(dir, SHARDS[1]!), path.join(dir, 'copy.json'));
    const result = await runCli(['manifest', '--merge', ...SHARDS, 'copy.json'], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toBe("copy.json: error: this is shard 2/2, and so is output/manifest.shard-2-of-2.json: their charts overlap; give each shard's manifest once");
  });

  it('not JSON: at its line and column', async () => {
    const dir = copy();
    const text = readFileSync(path.join(dir, SHARDS[0]!), 'utf8');
    writeFileSync(path.join(dir, SHARDS[0]!), text.slice(0, text.indexOf('"names"')));
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toMatch(/^output\/manifest\.shard-1-of-2\.json:\d+:\d+: error: invalid JSON: /);
    expect(existsSync(path.join(dir, 'output/manifest.json'))).toBe(false);
  });

  it('a field not as build writes it: at the field', async () => {
    const dir = copy();
    const text = readFileSync(path.join(dir, SHARDS[1]!), 'utf8');
    writeFileSync(path.join(dir, SHARDS[1]!), text.replace(/"options": \{[^}]*\}/, '"options": "svg"'));
    const line = text.slice(0, text.indexOf('"options"')).split('\n').length;
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toBe(
      `output/manifest.shard-2-of-2.json:${line}:3: error: not a shard manifest as citechart build --shard writes it: options should be {"formats": [...], "theme": "light" or "dark"}; build this shard again rather than editing the file`,
    );
  });

  it('a file that is not there, or not a shard manifest', async () => {
    const dir = copy();
    const result = await runCli(['manifest', '--merge', SHARDS[0]!, 'output/nope.json', 'output/exports.svg'], { cwd: dir });
    refused(result);
    expect(result.errLines.slice(0, 2)).toEqual([
      'output/nope.json: error: cannot read this shard manifest: no such file',
      expect.stringMatching(/^output\/exports\.svg:1:1: error: invalid JSON/),
    ]);
  });

  it('a table changed after a shard was built: the file named', async () => {
    const dir = copy();
    writeFileSync(path.join(dir, 'data/exports.csv'), readFileSync(path.join(dir, 'data/exports.csv'), 'utf8') + 'Peru,7,stats-2024,\n');
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    refused(result);
    expect(result.errLines.slice(0, 2)).toEqual(
      SHARDS.map((file) => `${file}: error: this shard was built from other inputs than the project here: "data/exports.csv" differs; build every shard and merge from the same commit`),
    );
  });

  it('shards built with other options', async () => {
    const dir = copy();
    const rebuilt = await runCli(['build', '--shard', '2/2', '--formats', 'svg,html', '--jobs', '1'], { cwd: dir });
    expect(rebuilt.code).toBe(0);
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toBe(
      'output/manifest.shard-2-of-2.json: error: this shard was built with --formats html,svg --theme light, but output/manifest.shard-1-of-2.json with --formats svg --theme light: build every shard with the same options',
    );
  });

  it("a shard's graphics not copied into the output folder", async () => {
    const dir = copy();
    const manifest = readShardManifest(path.join(dir, SHARDS[1]!));
    const file = Object.values(manifest.charts)[0]!.files[0]!;
    rmSync(path.join(dir, file));
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    refused(result);
    expect(result.errLines[0]).toBe(`output/manifest.shard-2-of-2.json: error: ${file} (of shard 2/2) is not there: copy every shard's output folder into it before merging`);
  });

  it('removes the files of a deleted spec, as one build does', async () => {
    const dir = copy();
    expect((await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir })).code).toBe(0);
    rmSync(path.join(dir, 'specs/wages.vl.json'));
    for (const shard of ['1/2', '2/2']) expect((await runCli(['build', '--shard', shard, '--formats', 'svg', '--jobs', '1'], { cwd: dir })).code).toBe(0);
    // The shards leave the last build's files and manifest alone ...
    expect(existsSync(path.join(dir, 'output/wages.svg'))).toBe(true);
    const result = await runCli(['manifest', '--merge', ...SHARDS], { cwd: dir });
    // ... the merge removes them, as `build` would have.
    expect(result.code, result.stderr).toBe(0);
    expect(result.outLines[0]).toBe('removed output/wages.svg: no chart writes it any more');
    expect(existsSync(path.join(dir, 'output/wages.svg'))).toBe(false);
    expect(readFileSync(path.join(dir, 'output/index.html'), 'utf8')).not.toContain('wages');
  });
});
