// A spec named `constructor`, `toString`, `__proto__`… crashed every build
// (exit 70, no chart built): the cache looked chart names up in a plain
// object, which answers them from Object.prototype. The cache and manifest
// are now Maps and null-prototype objects, and reading them back never
// writes through `__proto__`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedChart, cachedNames, readCache } from '../../src/cache/buildCache.js';
import { cacheFileText, parseCacheFile } from '../helpers/cacheFile.js';
import { readManifestChecked } from '../../src/write/manifest.js';
import { runCli } from '../helpers/cli.js';
import { barSpec, makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

// Every name Object.prototype answers to, as the engine lists them (not a hand-kept list).
const NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('charts named after Object.prototype members', () => {
  it(`build, rebuild as up to date, list in the manifest, cache and gallery, and verify: ${NAMES.join(', ')}`, async () => {
    expect(NAMES).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf']));
    const specs = Object.fromEntries(NAMES.map((name) => [`specs/${name}.vl.json`, barSpec({ title: `Chart ${name}` })]));
    const cwd = makeProject({ ...minimalProject, ...specs });
    const all = [...NAMES, 'exports'].sort();

    const first = await runCli(['build'], { cwd, timeoutMs: 120_000 });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.outLines.at(-1)).toBe(`${all.length} charts built`);
    const manifest = JSON.parse(readText(cwd, 'output/manifest.json')) as { charts: Record<string, { title: string }> };
    expect(Object.keys(manifest.charts).sort()).toEqual(all);
    expect(Object.getOwnPropertyDescriptor(manifest.charts, '__proto__')?.value.title).toBe('Chart __proto__');
    const cache = parseCacheFile(readText(cwd, 'output/.citechart-cache.json'));
    expect([...cache.charts.keys()].sort()).toEqual(all);
    const gallery = readText(cwd, 'output/index.html');
    for (const name of NAMES) expect(gallery, name).toContain(`Chart ${name}`);

    const again = await runCli(['build'], { cwd });
    expect(again.outLines).toEqual([`0 charts built, ${all.length} up to date`]);
    const one = await runCli(['build', 'constructor', '__proto__', '--force'], { cwd });
    expect(one.code).toBe(0);
    expect(Object.keys(JSON.parse(readText(cwd, 'output/manifest.json')).charts).sort()).toEqual(all);
    expect((await runCli(['verify', '--all'], { cwd })).code).toBe(0);
  });
});

describe('reading a cache or manifest is never prototype-polluted', () => {
  it('a "__proto__" key is an entry (validated like any other), never the prototype of anything', async () => {
    const cwd = makeProject(minimalProject);
    expect((await runCli(['build'], { cwd })).code).toBe(0);
    const out = path.join(cwd, 'output');
    const cache0 = parseCacheFile(readFileSync(path.join(out, '.citechart-cache.json'), 'utf8'));
    const entry = JSON.stringify(cache0.charts.get('exports'));
    // Written as text: a JSON object literal would set the prototype instead of a "__proto__" key.
    const poison = `"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}`;
    const lines = [`["__proto__", ${entry}]`, `["constructor", {"prototype": {"polluted": true}}]`, `["exports", ${entry}]`];
    const checked = JSON.parse(cacheFileText(cache0.header, [], lines))[0] as { charts: string };
    writeFileSync(
      path.join(out, '.citechart-cache.json'),
      `[{"format": ${String(cache0.header.format)}, "__proto__": {"polluted": true}, "charts": "${checked.charts}"},\n${lines.join(',\n')}]\n`,
    );
    writeFileSync(path.join(out, 'manifest.json'), `{"generator": "citechart", "__proto__": {"polluted": true}, "charts": {${poison}}}`);

    const { cache } = await readCache(out);
    // Each chart is parsed and checked when asked for: the garbled "constructor" is dropped then.
    expect(['__proto__', 'constructor', 'exports'].filter((name) => cachedChart(cache, name))).toEqual(['__proto__', 'exports']);
    expect(cachedNames(cache).sort()).toEqual(['__proto__', 'exports']);
    const { manifest, warnings } = await readManifestChecked(out);
    expect(Object.keys(manifest.charts)).toEqual([]);
    expect(warnings).toHaveLength(2);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(manifest.charts)).toBeNull();
    // And the build goes on: the garbled entries dropped, the manifest written whole again.
    const result = await runCli(['build'], { cwd });
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(readText(cwd, 'output/manifest.json')).charts)).toEqual(['exports']);
  });
});
