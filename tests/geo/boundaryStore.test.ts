// Issue 17's figure (a 1:50m world map's build within 2× of a bar chart's):
// the features a boundary file gives are made once and read back from the
// temporary folder. What comes back must be exactly what would be made, and
// an edited project file must never be drawn from its old features.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { storable, storedFeatures } from '../../src/geo/boundaryStore.js';
import { readBoundary } from '../../src/geo/readBoundary.js';
import type { Source } from '../../src/model.js';
import { usePrivateTmpdir } from '../helpers/privateTmpdir.js';

// os.tmpdir() reads TMPDIR at each call: a store of this file's own.
const privateTmp = usePrivateTmpdir('boundary-store-test-');

const storeFiles = () => readdirSync(path.join(privateTmp(), `citechart-boundaries-${process.getuid?.() ?? 'u'}`));
const square = (id: string, x: number): Feature => ({
  type: 'Feature',
  id,
  properties: { name: id },
  geometry: { type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

describe('storable: only what JSON gives back equal', () => {
  it('accepts strings, finite numbers, booleans, null, arrays and plain objects', () => {
    expect(storable([square('a', 0), { a: null, b: true, c: [1.5, -2e-9] }])).toBe(true);
  });
  it('refuses -0, NaN, Infinity, undefined, holes and null-prototype objects', () => {
    const values = [-0, NaN, Infinity, undefined, { id: undefined }, [1, , 2], Object.create(null), new Map()];
    values.forEach((value, i) => expect(storable([{ x: value }]), `value ${i}`).toBe(false));
  });
});

describe('storedFeatures', () => {
  const key = { url: 'data/regions.geojson', sha256: 'a'.repeat(64) };

  it('makes the features once, then reads the same ones back', () => {
    let made = 0;
    const make = () => (made++, [square('a', 0), square('b', 0.25)]);
    const first = storedFeatures(key, make);
    const second = storedFeatures(key, make);
    expect(made).toBe(1);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('makes them again for other bytes of the same file, which replace the old entry', () => {
    let made = 0;
    const before = storeFiles().length;
    storedFeatures({ ...key, sha256: 'b'.repeat(64) }, () => (made++, [square('c', 3)]));
    expect(made).toBe(1);
    expect(storeFiles().length).toBe(before);
  });

  it('never stores a message, nor features JSON would change', () => {
    let made = 0;
    expect(storedFeatures({ ...key, url: 'data/bad.geojson' }, () => (made++, 'not boundaries'))).toBe('not boundaries');
    expect(storedFeatures({ ...key, url: 'data/bad.geojson' }, () => (made++, 'not boundaries'))).toBe('not boundaries');
    const negativeZero = [square('z', -0)];
    expect(storedFeatures({ ...key, url: 'data/zero.geojson' }, () => (made++, negativeZero))).toBe(negativeZero);
    expect(storedFeatures({ ...key, url: 'data/zero.geojson' }, () => (made++, negativeZero))).toBe(negativeZero);
    expect(made).toBe(4);
  });
});

describe('readBoundary through the store', () => {
  const sources = new Map<string, Source>([['regions', { id: 'regions' } as Source]]);

  it('gives the 1:50m world exactly as made, from the store', async () => {
    const ref = { jsonPath: [], url: 'citechart:world-atlas/countries-50m.json', feature: 'countries', lookup: false };
    const made = (await readBoundary('/nonexistent', ref, new Map())).boundary!;
    const files = storeFiles().length;
    const stored = (await readBoundary('/nonexistent', ref, new Map())).boundary!;
    expect(storeFiles().length).toBe(files);
    expect(stored.features).not.toBe(made.features);
    // toEqual compares numbers with Object.is: -0 and 0 differ.
    expect(stored).toEqual(made);
  });

  it('draws an edited project file from its new bytes', async () => {
    const cwd = mkdtempSync(path.join(privateTmp(), 'project-'));
    mkdirSync(path.join(cwd, 'data'));
    const write = (features: Feature[]) => writeFileSync(path.join(cwd, 'data', 'regions.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
    const ref = { jsonPath: [], url: 'data/regions.geojson', lookup: false };
    write([square('north', 10)]);
    const before = (await readBoundary(cwd, ref, sources)).boundary!;
    expect(before.features.map((f) => f.id)).toEqual(['north']);
    write([square('north', 10), square('south', 20)]);
    const after = (await readBoundary(cwd, ref, sources)).boundary!;
    expect(after.features.map((f) => f.id)).toEqual(['north', 'south']);
    expect(after.sha256).not.toBe(before.sha256);
  });
});
