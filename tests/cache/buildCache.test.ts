// The build cache file, one line per chart, each parsed only when asked for
// (src/cache/buildCache.ts; issue 15: a one-chart build of a 200-chart
// project parsed and wrote again ≈0.9 MB of JSON for one entry).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheFileText, parseCacheFile } from '../helpers/cacheFile.js';
import { CACHE_FILE, cachedChart, cachedNames, dropCachedChart, emptyCache, readCache, writeCache, type CachedChart } from '../../src/cache/buildCache.js';

const chart = (key: string): CachedChart => ({
  key,
  inputs: ['specs/a.vl.json'],
  outputs: [{ file: 'a.svg', sha256: 'f'.repeat(64), size: 10 }],
  entry: { title: `Chart ${key}`, files: ['output/a.svg'], sources: ['s'], inputs: [{ file: 'specs/a.vl.json', sha256: 'e'.repeat(64) }] },
  diagnostics: [],
});

async function written(charts: Array<[string, CachedChart]>): Promise<string> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'citechart-cache-'));
  const cache = emptyCache();
  cache.project = { key: 'p', diagnostics: [] };
  for (const [name, value] of charts) cache.charts.set(name, value);
  await writeCache(outDir, cache, '');
  return outDir;
}

describe('the build cache file', () => {
  it('is one JSON array, an element a line: the header, then each chart in name order', async () => {
    const outDir = await written([['b', chart('2')], ['a', chart('1')]]);
    const text = readFileSync(path.join(outDir, CACHE_FILE), 'utf8');
    expect(JSON.parse(text)).toEqual([{ format: 2, project: { key: 'p', diagnostics: [] }, charts: expect.stringMatching(/^[0-9a-f]{64}$/) }, ['a', chart('1')], ['b', chart('2')]]);
    expect(text.split('\n')).toHaveLength(4);
  });

  it('reads each chart when asked for, and writes those never asked for back as they were', async () => {
    const outDir = await written([['a', chart('1')], ['b', chart('2')], ['__proto__', chart('3')]]);
    const before = readFileSync(path.join(outDir, CACHE_FILE), 'utf8');
    const { cache, text } = await readCache(outDir);
    expect(text).toBe(before);
    expect(cache.charts.size).toBe(0);
    expect(cachedNames(cache).sort()).toEqual(['__proto__', 'a', 'b']);
    expect(cachedChart(cache, '__proto__')).toEqual(chart('3'));
    expect(cachedChart(cache, 'missing')).toBeUndefined();
    // One chart changed: only its line is new, and the header's checksum of the lines.
    cache.charts.set('b', chart('4'));
    await writeCache(outDir, cache, text);
    const after = readFileSync(path.join(outDir, CACHE_FILE), 'utf8').split('\n');
    const changed = after.filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toHaveLength(2);
    expect(changed[0]).toMatch(/^\[\{"format":2,.*"charts":"[0-9a-f]{64}"\},$/);
    expect(changed[1]).toBe(JSON.stringify(['b', chart('4')]) + ']');
    expect(cachedChart((await readCache(outDir)).cache, 'b')).toEqual(chart('4'));
  });

  // Known unchanged from the lines as read (issue 15, cold start): nothing joined, hashed or written.
  it('a cache whose charts are asked for and set again as they were is not written again; one changed line is', async () => {
    const outDir = await written([['a', chart('1')], ['b', chart('2')]]);
    const file = path.join(outDir, CACHE_FILE);
    const { cache, text } = await readCache(outDir);
    cache.charts.set('b', cachedChart(cache, 'b')!);
    // A file that is not the text: left alone only when the text on disk is the one it would write.
    writeFileSync(file, 'unchanged marker');
    await writeCache(outDir, cache, text);
    expect(readFileSync(file, 'utf8')).toBe('unchanged marker');
    writeFileSync(file, text);
    // The header changes (a gallery stamp): the file is written again, lines as they were.
    cache.gallery = { views: 'v', page: 'p' };
    await writeCache(outDir, cache, text);
    expect(parseCacheFile(readFileSync(file, 'utf8')).header.gallery).toEqual({ views: 'v', page: 'p' });
    expect(cachedChart((await readCache(outDir)).cache, 'b')).toEqual(chart('2'));
    // A file read without its final newline is written again whole.
    writeFileSync(file, text.slice(0, -1));
    const cut = await readCache(outDir);
    cut.cache.charts.set('a', cachedChart(cut.cache, 'a')!);
    await writeCache(outDir, cut.cache, cut.text);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  // A no-change build of 200 charts wrote each out again to find its line the same (issue 15).
  it('writes a chart asked for and not changed as the line it was read from, without writing it out again', async () => {
    const outDir = await written([['a', chart('1')], ['b', chart('2')]]);
    const { cache, text } = await readCache(outDir);
    cache.charts.set('a', cachedChart(cache, 'a')!);
    cache.charts.set('b', { ...cachedChart(cache, 'b')!, key: '5' });
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await writeCache(outDir, cache, text);
      const charts = stringify.mock.calls.map(([value]) => value).filter((value) => Array.isArray(value));
      expect(charts).toEqual([['b', { ...chart('2'), key: '5' }]]);
    } finally {
      stringify.mockRestore();
    }
    expect([...parseCacheFile(readFileSync(path.join(outDir, CACHE_FILE), 'utf8')).charts]).toEqual([['a', chart('1')], ['b', { ...chart('2'), key: '5' }]]);
  });

  it('writes out again a chart read from an older cache whose outputs had an mtime: without it', async () => {
    const outDir = await written([['a', chart('1')]]);
    const file = path.join(outDir, CACHE_FILE);
    const { header } = parseCacheFile(readFileSync(file, 'utf8'));
    const older = { ...chart('1'), outputs: [{ file: 'a.svg', sha256: 'f'.repeat(64), size: 10, mtimeMs: 5 }] };
    writeFileSync(file, cacheFileText(header, [], [JSON.stringify(['a', older])]));
    const { cache, text } = await readCache(outDir);
    cache.charts.set('a', cachedChart(cache, 'a')!);
    await writeCache(outDir, cache, text);
    expect(readFileSync(file, 'utf8')).toContain(JSON.stringify(['a', chart('1')]));
    expect(readFileSync(file, 'utf8')).not.toContain('mtimeMs');
  });

  it('drops a chart whose line is garbled when it is asked for, keeping the others', async () => {
    const outDir = await written([['a', chart('1')], ['b', chart('2')]]);
    const file = path.join(outDir, CACHE_FILE);
    const { header } = parseCacheFile(readFileSync(file, 'utf8'));
    writeFileSync(file, cacheFileText(header, [['a', chart('1')]], ['["b", {"key": "2", "outputs": {}}]', '["c", {"key": ', 'not a line']));
    const { cache } = await readCache(outDir);
    expect(cachedNames(cache).sort()).toEqual(['a', 'b', 'c']);
    expect(cachedChart(cache, 'a')).toEqual(chart('1'));
    expect(cachedChart(cache, 'b')).toBeUndefined();
    expect(cachedChart(cache, 'c')).toBeUndefined();
    expect(cachedNames(cache)).toEqual(['a']);
    dropCachedChart(cache, 'a');
    expect(cachedNames(cache)).toEqual([]);
  });

  it('is no cache when its first line is not the header of this format, or the chart lines are not those it wrote', async () => {
    const outDir = await written([['a', chart('1')]]);
    const file = path.join(outDir, CACHE_FILE);
    const text = readFileSync(file, 'utf8');
    const { header } = parseCacheFile(text);
    const others = [
      text.replace('"format":2', '"format":1'),
      'not json\n',
      '',
      JSON.stringify({ format: 2, charts: { a: chart('1') } }),
      // A line edited by hand, or the file cut short: the checksum no longer matches.
      text.replace('"key":"1"', '"key":"9"'),
      text.slice(0, -40),
      cacheFileText({ ...header, charts: 'f'.repeat(64) }, [['a', chart('1')]], [], false),
    ];
    for (const other of others) {
      writeFileSync(file, other);
      const { cache, text: read } = await readCache(outDir);
      expect(cachedNames(cache), other.slice(0, 300)).toEqual([]);
      expect(read).toBe('');
    }
  });
});
