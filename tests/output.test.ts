// The committed output/ must be what the committed data/ and specs/ build:
// a figure corrected in a CSV without a rebuild fails here.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { listSpecs } from '../src/project.js';
import { pixelDifference } from './helpers/snapshots.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fresh = mkdtempSync(path.join(os.tmpdir(), 'citechart-output-'));
afterAll(() => rmSync(fresh, { recursive: true, force: true }));

const result = await build({ cwd: root, outDir: fresh });
const names = await listSpecs(root);
// Artboards (usermeta.citechart.widths): NAME-320w.svg…
const artboards = readdirSync(fresh).filter((f) => /-\d+w\.svg$/.test(f)).sort();
// Social cards (the theme's citechart-social-* presets): NAME-social-1200x675.png…
const cards = readdirSync(fresh).filter((f) => /-social-\d+x\d+\.png$/.test(f)).sort();
const REBUILD = 'out of date with data/ and specs/: run `npx citechart build` and commit output/';

describe('output/', () => {
  it('builds every example chart without errors', () => {
    // Each chart in English and in its French edition (specs/NAME.fr.json).
    expect(names).toEqual([
      'china-supplies',
      'china-supplies.fr',
      'countries-named',
      'countries-named.fr',
      'microelectronics-imports',
      'microelectronics-imports.fr',
      'optical-suppliers',
      'optical-suppliers.fr',
    ]);
    expect(result.charts.map((c) => [c.name, c.ok])).toEqual(names.map((n) => [n, true]));
  });

  it.each(names)('output/%s.svg is up to date', (name) => {
    const committed = readFileSync(path.join(root, 'output', `${name}.svg`), 'utf8');
    expect(readFileSync(path.join(fresh, `${name}.svg`), 'utf8'), REBUILD).toBe(committed);
  });

  it.each(artboards)('output/%s is up to date', (file) => {
    const committed = readFileSync(path.join(root, 'output', file), 'utf8');
    expect(readFileSync(path.join(fresh, file), 'utf8'), REBUILD).toBe(committed);
  });

  it.each(names)('output/%s.html is up to date', (name) => {
    const committed = readFileSync(path.join(root, 'output', `${name}.html`), 'utf8');
    expect(readFileSync(path.join(fresh, `${name}.html`), 'utf8'), REBUILD).toBe(committed);
  });

  it.each(names)('output/%s.png is up to date', async (name) => {
    const diff = await pixelDifference(readFileSync(path.join(root, 'output', `${name}.png`)), readFileSync(path.join(fresh, `${name}.png`)));
    expect(diff, REBUILD).toBeLessThanOrEqual(0.0002);
  });

  // Left out ("social" in their spec or edition file) because they cannot fit: the table's landscape cards, whose
  // five rows at the footer's type size (the chart's text is never smaller than its footer) do not fit 1200x675,
  // and the French map's, whose longer title and footer leave its map under a quarter of the card.
  // The French landscape cards of microelectronics-imports and optical-suppliers cannot carry their notes and
  // sources' years beside the chart at the footer's phone-readable size (drawSocialCard): left out, with a warning.
  const LEFT_OUT = new Set([
    'china-supplies-social-1200x675.png', 'china-supplies.fr-social-1200x675.png', 'countries-named.fr-social-1200x675.png',
    'microelectronics-imports.fr-social-1200x675.png', 'optical-suppliers.fr-social-1200x675.png',
  ]);
  it('has a card of each example chart at each of the three presets of the theme, but those that cannot fit', () => {
    const expected = names.flatMap((n) => ['1080x1080', '1080x1350', '1200x675'].map((size) => `${n}-social-${size}.png`)).filter((file) => !LEFT_OUT.has(file));
    expect(cards).toEqual(expected.sort());
  });

  it.each(cards)('output/%s is up to date', async (file) => {
    const diff = await pixelDifference(readFileSync(path.join(root, 'output', file)), readFileSync(path.join(fresh, file)));
    expect(diff, REBUILD).toBeLessThanOrEqual(0.0002);
  });

  it('output/manifest.json is up to date', () => {
    const strip = (text: string) => {
      const manifest = JSON.parse(text);
      for (const entry of Object.values<{ files?: unknown }>(manifest.charts)) delete entry.files;
      return manifest;
    };
    const committed = strip(readFileSync(path.join(root, 'output', 'manifest.json'), 'utf8'));
    expect(strip(readFileSync(path.join(fresh, 'manifest.json'), 'utf8')), REBUILD).toEqual(committed);
    expect(Object.keys(committed.charts)).toEqual(names);
  });

  it('output/index.html is up to date', () => {
    const committed = readFileSync(path.join(root, 'output', 'index.html'), 'utf8');
    expect(readFileSync(path.join(fresh, 'index.html'), 'utf8'), REBUILD).toBe(committed);
  });

  it('holds nothing but the built charts, the manifest and the gallery', () => {
    const expected = [...names.flatMap((n) => [`${n}.html`, `${n}.png`, `${n}.svg`]), ...artboards, ...cards, 'index.html', 'manifest.json'].sort();
    // The build cache is gitignored bookkeeping, there after a local build.
    const listed = (dir: string) => readdirSync(dir).filter((f) => f !== '.citechart-cache.json').sort();
    expect(listed(fresh)).toEqual(expected);
    expect(listed(path.join(root, 'output'))).toEqual(expected);
  });
});
