// A one-chart build of a 200-chart project parsed, checked, wrote whole and
// parsed again its 1.45 MB manifest for the one entry it changed (issue 15,
// cold start). When the file is the text the last build wrote (its sha256
// recorded in the build cache), entries are read when asked for and the
// changed ones spliced in: the bytes must be those of writing it whole.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifestChecked, writeManifest, type ManifestEntry } from '../../src/write/manifest.js';
import { entrySpans, keyOrder, manifestText, spliceManifest } from '../../src/write/manifestText.js';

const entry = (title: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  title,
  files: [`output/${title}.svg`],
  sources: ['s1'],
  inputs: [{ file: 'data/a.csv', sha256: 'ab' }],
  drawn: [{ table: 'data/a.csv', keys: ['1', '2'] }],
  ...extra,
});

// Names JSON.stringify orders or escapes specially: array indices first by value, quotes, a line separator, "__proto__".
const NAMES = ['b', 'a', '10', '2', '__proto__', 'constructor', 'quote"d', 'back\\slash', 'née', 'line\u2028sep', 'z-1', 'tab\tname'];

const recordOf = (pairs: [string, ManifestEntry][]) => Object.fromEntries(keyOrder(pairs.map(([n]) => n).sort()).map((n) => [n, pairs.find(([m]) => m === n)![1]]));

describe('manifestText spans and splice', () => {
  it('finds every entry of a text manifestText wrote, and splicing changes gives the bytes of writing it whole', () => {
    const before = recordOf(NAMES.map((name) => [name, entry(name)]));
    const bytes = Buffer.from(manifestText(before), 'utf8');
    const spans = entrySpans(bytes)!;
    expect([...spans.keys()]).toEqual(Object.keys(before));
    for (const [name, [start, end]] of spans) expect(JSON.parse(`{${bytes.toString('utf8', start, end)}}`)[name]).toEqual(before[name]);
    // Changed, added and removed entries.
    const updates = new Map<string, ManifestEntry>([['2', entry('two', { language: 'fr' })], ['new"one', entry('new')], ['__proto__', entry('proto')]]);
    const kept = NAMES.filter((name) => name !== 'b' && name !== 'née');
    const names = keyOrder([...new Set([...kept, ...updates.keys()])].sort());
    const after = Object.fromEntries(names.map((name) => [name, updates.get(name) ?? before[name]!]));
    expect(spliceManifest(bytes, spans, updates, names).toString('utf8')).toBe(manifestText(after));
    expect(spliceManifest(bytes, spans, new Map(), []).toString('utf8')).toBe(manifestText({}));
    // Nothing changed: the bytes read themselves, nothing copied.
    expect(spliceManifest(bytes, spans, new Map([['a', entry('a')]]), Object.keys(before))).toBe(bytes);
  });

  it('finds no spans in a text of another layout (then the file is parsed and checked whole)', () => {
    const text = manifestText({ a: entry('a'), b: entry('b') });
    expect(entrySpans(Buffer.from(text))).toBeDefined();
    expect(entrySpans(Buffer.from(manifestText({})))).toEqual(new Map());
    for (const other of [JSON.stringify(JSON.parse(text)), text.replace('  "charts"', ' "charts"'), text.slice(0, -2), text.replace('\n    },\n', '\n    }\n'), '']) {
      expect(entrySpans(Buffer.from(other))).toBeUndefined();
    }
  });
});

describe('readManifestChecked with the digest recorded by the last build', () => {
  const project = (charts: Record<string, ManifestEntry>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-splice-'));
    writeFileSync(path.join(dir, 'manifest.json'), manifestText(charts));
    return dir;
  };
  const digestOf = (dir: string) => createHash('sha256').update(readFileSync(path.join(dir, 'manifest.json'))).digest('hex');

  it('reads the entries lazily and writes, then reads back, the same bytes as a whole write', async () => {
    const charts = recordOf(NAMES.map((name) => [name, entry(name)]));
    const fast = project(charts);
    const slow = project(charts);
    const readFast = await readManifestChecked(fast, digestOf(fast));
    expect(readFast.spans).toBeDefined();
    expect(Object.keys(readFast.manifest.charts)).toEqual(Object.keys(charts));
    expect(readFast.manifest.charts['__proto__']).toEqual(charts['__proto__']);
    expect(Object.getPrototypeOf(readFast.manifest.charts)).toBeNull();
    const updates = new Map([['a', entry('A again')], ['added', entry('added')]]);
    const known = NAMES.filter((name) => name !== 'z-1').concat('added');
    const wroteFast = await writeManifest(fast, updates, known, readFast);
    const wroteSlow = await writeManifest(slow, updates, known, await readManifestChecked(slow));
    const text = readFileSync(path.join(fast, 'manifest.json'), 'utf8');
    expect(text).toBe(readFileSync(path.join(slow, 'manifest.json'), 'utf8'));
    expect(wroteFast.sha256).toBe(digestOf(fast));
    expect(wroteFast.sha256).toBe(wroteSlow.sha256);
    expect({ ...wroteFast.charts }).toEqual({ ...wroteSlow.charts });
    expect(Object.keys(wroteFast.charts)).toEqual(Object.keys(JSON.parse(text).charts));
  });

  // build() then removes no leftovers without reading each entry back (issue 15: the no-change rebuild).
  it('says when it left the file as read: only when every chart and every entry is the same', async () => {
    const charts = recordOf(NAMES.map((name) => [name, entry(name)]));
    const write = async (updates: Map<string, ManifestEntry>, known: string[]) => {
      const dir = project(charts);
      return (await writeManifest(dir, updates, known, await readManifestChecked(dir, digestOf(dir)))).unchanged ?? false;
    };
    expect(await write(new Map([['a', entry('a')], ['__proto__', entry('__proto__')]]), NAMES)).toBe(true);
    expect(await write(new Map(), NAMES)).toBe(true);
    expect(await write(new Map([['a', entry('a', { files: ['output/a.svg', 'output/a.png'] })]]), NAMES)).toBe(false);
    expect(await write(new Map([['added', entry('added')]]), NAMES.concat('added'))).toBe(false);
    expect(await write(new Map(), NAMES.filter((name) => name !== 'b'))).toBe(false);
  });

  it('a manifest edited by hand since (another digest) is parsed and checked whole, with its warnings', async () => {
    const dir = project({ a: entry('a'), b: entry('b') });
    const recorded = digestOf(dir);
    const edited = readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace('"title": "b"', '"title": 5');
    writeFileSync(path.join(dir, 'manifest.json'), edited);
    const read = await readManifestChecked(dir, recorded);
    expect(read.spans).toBeUndefined();
    expect(Object.keys(read.manifest.charts)).toEqual(['a']);
    expect(read.warnings).toHaveLength(1);
    expect(read.warnings[0]).toContain('"b"');
  });
});
