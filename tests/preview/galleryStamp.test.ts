// A build skips drawing output/index.html when the page it would draw is the
// one already on disk (its stamp in the build cache: preview/writeGallery.ts).
// Drawing a 200-chart gallery cost ≈15 ms of every one-chart build (issue 15).
import { rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { build } from '../../src/commands/build.js';
import { galleryPage } from '../../src/preview/galleryPage.js';
import { parseCacheFile, cacheFileText } from '../helpers/cacheFile.js';
import { barSpec, makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

vi.mock('../../src/preview/galleryPage.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/preview/galleryPage.js')>();
  return { galleryPage: vi.fn(original.galleryPage) };
});
const drawnPages = vi.mocked(galleryPage);

const charts = (page: string) => [...page.matchAll(/<article class="chart[^"]*" id="chart-([^"]+)"/g)].map((m) => m[1]);

describe('the gallery stamp', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = makeProject({ ...minimalProject, 'specs/top.vl.json': barSpec({ title: 'Top exporters' }) });
    await build({ cwd, jobs: 1 });
    drawnPages.mockClear();
  });

  it('a one-chart build that draws the same graphic does not draw the page again', async () => {
    const before = readText(cwd, 'output/index.html');
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(drawnPages).not.toHaveBeenCalled();
    expect(readText(cwd, 'output/index.html')).toBe(before);
  });

  it('a retitled chart draws the page again, with the new title', async () => {
    writeFileSync(path.join(cwd, 'specs/top.vl.json'), barSpec({ title: 'Top exporters, retitled' }));
    await build({ cwd, names: ['top'], jobs: 1 });
    expect(drawnPages).toHaveBeenCalledTimes(1);
    expect(readText(cwd, 'output/index.html')).toContain('Top exporters, retitled');
  });

  it('a hand-edited index.html is replaced, though nothing it shows changed', async () => {
    const before = readText(cwd, 'output/index.html');
    writeFileSync(path.join(cwd, 'output/index.html'), before.replace('Top exporters', 'Edited by hand'));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(readText(cwd, 'output/index.html')).toBe(before);
  });

  it('another chart’s SVG deleted since: its chart leaves the page', async () => {
    rmSync(path.join(cwd, 'output/exports.svg'));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(charts(readText(cwd, 'output/index.html'))).toEqual(['top']);
  });

  it('another chart’s alt text changed by hand in its SVG: the page shows the new one', async () => {
    const svg = readText(cwd, 'output/exports.svg');
    const desc = /(<desc[^>]*>)[^<]*<\/desc>/.exec(svg)!;
    writeFileSync(path.join(cwd, 'output/exports.svg'), svg.replace(desc[0], `${desc[1]}A new description</desc>`));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(readText(cwd, 'output/index.html')).toContain('alt="A new description"');
  });

  it('a garbled stamp in the cache draws the page as before', async () => {
    const cacheFile = path.join(cwd, 'output/.citechart-cache.json');
    const cache = parseCacheFile(readText(cwd, 'output/.citechart-cache.json'));
    expect(cache.header.gallery).toEqual(expect.objectContaining({ views: expect.stringMatching(/^[0-9a-f]{64}$/), page: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    writeFileSync(cacheFile, cacheFileText({ ...cache.header, gallery: { views: 1 } }, cache.charts));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(drawnPages).toHaveBeenCalledTimes(1);
  });

  // The rows recorded with the stamp (issue 15, cold start): a one-chart build takes the other charts'
  // views from them instead of their manifest entries and SVG openings, while both are as recorded.
  it('records a row per chart shown, made from the manifest it names', async () => {
    const { header } = parseCacheFile(readText(cwd, 'output/.citechart-cache.json'));
    const gallery = header.gallery as { manifest: string; rows: unknown[][] };
    expect(gallery.manifest).toBe(header.manifest);
    expect(gallery.rows.map((row) => row.slice(0, 2))).toEqual([['exports', 'Widget exports by country'], ['top', 'Top exporters']]);
    // Both drawn by that build: no size and time recorded, their alt texts are read again next time.
    expect(gallery.rows.map((row) => row.slice(4))).toEqual([[-1, -1], [-1, -1]]);
  });

  it('a second identical one-chart build leaves the cache as it was (the drawn chart’s row has no time to change)', async () => {
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    const cacheText = readText(cwd, 'output/.citechart-cache.json');
    const rows = (parseCacheFile(cacheText).header.gallery as { rows: unknown[][] }).rows;
    expect(rows[0]![4]).toBe(statSync(path.join(cwd, 'output/exports.svg')).size);
    expect(rows[1]!.slice(4)).toEqual([-1, -1]);
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(readText(cwd, 'output/.citechart-cache.json')).toBe(cacheText);
  });

  it('another chart’s SVG with the recorded size and time: its alt text is the recorded one, not read again', async () => {
    const file = path.join(cwd, 'output/exports.svg');
    const svg = readText(cwd, 'output/exports.svg');
    const desc = /(<desc[^>]*>)([^<]*)<\/desc>/.exec(svg)!;
    // A time in whole seconds, recorded by a build, so the same can be set again after the edit.
    const time = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000 - 60_000);
    utimesSync(file, time, time);
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    // Same length, same time: what the row recorded still describes it.
    writeFileSync(file, svg.replace(desc[0], `${desc[1]}${'x'.repeat(desc[2]!.length)}</desc>`));
    utimesSync(file, time, time);
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(readText(cwd, 'output/index.html')).toContain(`alt="${desc[2]!.slice(0, 20)}`);
    expect(drawnPages).not.toHaveBeenCalled();
  });

  it('a title edited by hand in the manifest shows on the page: the rows are not used for a manifest not as recorded', async () => {
    const manifestFile = path.join(cwd, 'output/manifest.json');
    writeFileSync(manifestFile, readText(cwd, 'output/manifest.json').replace('"title": "Widget exports by country"', '"title": "Edited in the manifest"'));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(drawnPages).toHaveBeenCalledTimes(1);
    expect(readText(cwd, 'output/index.html')).toContain('Edited in the manifest');
  });
});
