import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { geoContains } from 'd3';
import type { Feature } from 'geojson';
import type { GeometryCollection, MultiPolygon, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { crimeaToUkraine, RUSSIA_ID, UKRAINE_ID } from '../../src/geo/crimea.js';
import { readBoundary } from '../../src/geo/readBoundary.js';

// Points (lon, lat) named for what they test.
const SIMFEROPOL: [number, number] = [34.1, 44.95];
const SEVASTOPOL: [number, number] = [33.52, 44.6];
const KERCH: [number, number] = [36.47, 45.36];
const KYIV: [number, number] = [30.52, 50.45];
const KHERSON: [number, number] = [32.62, 46.64];
const MOSCOW: [number, number] = [37.62, 55.75];
const KALININGRAD: [number, number] = [20.51, 54.71];
const KRASNODAR: [number, number] = [38.98, 45.04];

const require = createRequire(import.meta.url);
async function shipped(scale: string): Promise<Topology> {
  const folder = path.dirname(require.resolve('world-atlas/package.json'));
  return JSON.parse(await readFile(path.join(folder, `countries-${scale}.json`), 'utf8')) as Topology;
}
const country = (topology: Topology, id: string) =>
  (topology.objects.countries as GeometryCollection).geometries.find((geometry) => geometry.id === id)!;
const polygonCount = (geometry: ReturnType<typeof country>) => (geometry.type === 'Polygon' ? 1 : (geometry as MultiPolygon).arcs.length);

describe.each(['110m', '50m'])('Crimea in the world-atlas countries-%s (UNGA 68/262)', (scale) => {
  const url = `citechart:world-atlas/countries-${scale}.json`;
  async function features(): Promise<Map<string, Feature>> {
    const read = await readBoundary('/nonexistent', { jsonPath: [], url, feature: 'countries', lookup: false }, new Map());
    return new Map(read.boundary!.features.map((f) => [String(f.id), f]));
  }

  it('draws Simferopol, Sevastopol and Kerch in Ukraine, not in Russia', async () => {
    const byId = await features();
    for (const point of [SIMFEROPOL, SEVASTOPOL, KERCH]) {
      expect(geoContains(byId.get(UKRAINE_ID)!, point), `${point} in Ukraine`).toBe(true);
      expect(geoContains(byId.get(RUSSIA_ID)!, point), `${point} in Russia`).toBe(false);
    }
  });

  it('keeps the rest of Ukraine and Russia where they were', async () => {
    const byId = await features();
    for (const point of [KYIV, KHERSON]) expect(geoContains(byId.get(UKRAINE_ID)!, point), `${point} in Ukraine`).toBe(true);
    for (const point of [MOSCOW, KALININGRAD, KRASNODAR]) expect(geoContains(byId.get(RUSSIA_ID)!, point), `${point} in Russia`).toBe(true);
  });

  it('merges Crimea into mainland Ukraine (no border drawn at Perekop) and takes exactly one polygon from Russia', async () => {
    const topology = await shipped(scale);
    const patched = crimeaToUkraine(topology);
    // Crimea is one separate polygon of Russia in both files; merged across
    // the shared arcs it adds no polygon to Ukraine.
    expect(polygonCount(country(patched, RUSSIA_ID))).toBe(polygonCount(country(topology, RUSSIA_ID)) - 1);
    expect(polygonCount(country(patched, UKRAINE_ID))).toBe(polygonCount(country(topology, UKRAINE_ID)));
    expect(country(patched, UKRAINE_ID).properties).toEqual({ name: 'Ukraine' });
  });

  it('leaves the shipped topology and its arcs untouched (the recorded sha256 is the file\'s)', async () => {
    const topology = await shipped(scale);
    const before = JSON.stringify(topology);
    const patched = crimeaToUkraine(topology);
    expect(JSON.stringify(topology)).toBe(before);
    expect(patched.arcs).toBe(topology.arcs);
    expect(patched.objects.land).toBe(topology.objects.land);
  });
});
