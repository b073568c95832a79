// The example charts of this repository (specs/) at every artboard, as PNG
// snapshots: what a reader sees on a phone (320 px) and in a desktop column
// (640 px), looked at whenever they change (`npm run test:update`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listSpecs, openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { renderPng } from '../../src/render/renderPng.js';
import { format } from '../helpers/project.js';
import { comparePng } from '../helpers/snapshots.js';

const here = path.dirname(fileURLToPath(import.meta.url));
/** An empty XMP packet: the snapshot compares pixels, not metadata. */
const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>';
const root = path.join(here, '../..');
const snapshots = path.join(here, '__snapshots__', 'artboards');
const charts = await listSpecs(root);

describe('example charts at every artboard (PNG snapshots)', () => {
  it.each(charts)('%s', async (name) => {
    const { chart, diagnostics } = await renderChart(await openProject(root), name, { png: false });
    expect(format(diagnostics).filter((line) => line.includes(': error: '))).toEqual([]);
    expect(chart!.artboards!.map((a) => a.width)).toEqual([320, 480, 640]);
    for (const { width, svg } of chart!.artboards!) {
      expect(await comparePng(snapshots, `${name}-${width}w`, await renderPng(svg, XMP))).toBeUndefined();
    }
  });
});
