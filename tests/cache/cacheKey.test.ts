import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, cacheKey, stableJson, type KeyParts } from '../../src/cache/cacheKey.js';
import { chartInputs } from '../../src/cache/chartInputs.js';

const base: KeyParts = {
  versions: { citechart: '0.1.0', vega: '6.4.0', 'vega-lite': '6.4.3', sharp: '0.35.5', 'source-sans': '3.52.0' },
  options: { render: { png: true }, formats: ['png', 'svg'] },
  inputs: [
    { file: 'data/exports.csv', sha256: 'a'.repeat(64) },
    { file: 'data/sources.csv', sha256: 'b'.repeat(64) },
    { file: 'specs/exports.vl.json', sha256: 'c'.repeat(64) },
    { file: 'specs/theme.json', sha256: null },
  ],
};

describe('cacheKey', () => {
  it('is the same for the same parts, whatever the order of inputs and object keys', () => {
    const shuffled: KeyParts = {
      versions: Object.fromEntries(Object.entries(base.versions).reverse()),
      options: { formats: ['png', 'svg'], render: { png: true } },
      inputs: [...base.inputs].reverse(),
    };
    expect(cacheKey(shuffled)).toBe(cacheKey(base));
    expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(base.inputs.map((input, i) => [input.file, i] as const))('changes when %s changes', (_file, i) => {
    const inputs = base.inputs.map((input, j) => (j === i ? { ...input, sha256: 'f'.repeat(64) } : input));
    expect(cacheKey({ ...base, inputs })).not.toBe(cacheKey(base));
  });

  it('changes when a file appears or disappears', () => {
    const gone = base.inputs.map((input) => (input.file === 'data/exports.csv' ? { ...input, sha256: null } : input));
    expect(cacheKey({ ...base, inputs: gone })).not.toBe(cacheKey(base));
    expect(cacheKey({ ...base, inputs: base.inputs.slice(1) })).not.toBe(cacheKey(base));
  });

  it.each(Object.keys(base.versions))('changes with the version of %s', (name) => {
    expect(cacheKey({ ...base, versions: { ...base.versions, [name]: '99.0.0' } })).not.toBe(cacheKey(base));
  });

  it('changes with any render option, including ones it does not know about', () => {
    expect(cacheKey({ ...base, options: { render: { png: false }, formats: ['png', 'svg'] } })).not.toBe(cacheKey(base));
    expect(cacheKey({ ...base, options: { render: { png: true, theme: 'dark' }, formats: ['png', 'svg'] } })).not.toBe(cacheKey(base));
    expect(cacheKey({ ...base, options: { render: { png: true }, formats: ['svg'] } })).not.toBe(cacheKey(base));
  });
});

describe('stableJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(stableJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  // Issue 15: rows of cells go to JSON.stringify in one call; the text (and so every trail digest) must not change.
  it('writes arrays of cells as it wrote them item by item: undefined and NaN as null, a date as an object', () => {
    expect(stableJson(['a', 1, true, null, undefined, Number.NaN, -0])).toBe('["a",1,true,null,null,null,0]');
    expect(stableJson([new Date(0), 'x'])).toBe('[{},"x"]');
    expect(stableJson([['k', 'é "q"', 2.5]])).toBe('[["k","é \\"q\\"",2.5]]');
  });
});

describe('chartInputs', () => {
  it('adds the spec, sources.csv, the theme, every table\'s schema sidecar, the correction log and publication record to what the chart read', () => {
    expect(chartInputs('exports', ['data/exports.csv', 'data/sources.csv', 'specs/exports.vl.json'])).toEqual([
      'data/corrections.csv',
      'data/exports.csv',
      'data/exports.schema.json',
      'data/sources.csv',
      'published.json',
      'specs/exports.vl.json',
      'specs/theme.json',
    ]);
  });
});

describe('cacheKey with the versions text made once', () => {
  it('is the sha256 of stableJson of the whole key, as before, call after call', () => {
    const versions = { vega: '6.4.0', 'citechart code': 'abc', citechart: '0.1.0' };
    const inputs = [{ file: 'specs/b.vl.json', sha256: 'b' }, { file: 'data/a.csv', sha256: null }];
    for (const options of [{ render: { png: true }, formats: ['svg', 'png'] }, undefined]) {
      const whole = createHash('sha256').update(stableJson({ format: CACHE_FORMAT, versions, options, inputs: [...inputs].reverse() })).digest('hex');
      expect(cacheKey({ versions, options, inputs })).toBe(whole);
      expect(cacheKey({ versions, options, inputs })).toBe(whole);
    }
  });
});
