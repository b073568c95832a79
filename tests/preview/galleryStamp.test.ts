// A build skips drawing output/index.html when the page it would draw is the
// one already on disk (its stamp in the build cache: preview/writeGallery.ts).
// Drawing a 200-chart gallery cost ≈15 ms of every one-chart build (issue 15).
import { rmSync, writeFileSync } from 'node:fs';
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
    expect(cache.header.gallery).toEqual({ views: expect.stringMatching(/^[0-9a-f]{64}$/), page: expect.stringMatching(/^[0-9a-f]{64}$/) });
    writeFileSync(cacheFile, cacheFileText({ ...cache.header, gallery: { views: 1 } }, cache.charts));
    await build({ cwd, names: ['top'], force: true, jobs: 1 });
    expect(drawnPages).toHaveBeenCalledTimes(1);
  });
});
