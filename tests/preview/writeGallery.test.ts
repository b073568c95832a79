// build writes output/index.html: the static gallery of the charts that have files in output/.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { svgDescription, svgFileDescription } from '../../src/preview/chartView.js';
import { barSpec, EXPORTS_CSV, makeProject, minimalProject, readText } from '../helpers/fixtureProject.js';

const charts = (page: string) => [...page.matchAll(/<article class="chart[^"]*" id="chart-([^"]+)"/g)].map((m) => m[1]);

describe('output/index.html', () => {
  it('lists only the charts with outputs, keeps a failed chart’s last good graphic, drops deleted specs', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'specs/broken.vl.json': barSpec({ title: 'Never built', extra: { encoding: { x: { field: 'nope', type: 'quantitative' } } } }),
      'specs/top.vl.json': barSpec({ title: 'Top exporters' }),
    });
    await build({ cwd });
    let page = readText(cwd, 'output/index.html');
    expect(charts(page)).toEqual(['exports', 'top']);
    expect(page).toContain('<img class="graphic" src="top.svg" alt="');
    expect(page).toContain('<a href="exports.png">PNG (2×)</a>');
    expect(page).toContain('<a href="https://example.org/widgets-2024" rel="noopener noreferrer">Widget exports 2024</a>');
    expect(page).not.toContain('Never built');

    // A bad edit fails `top`: its previous files stay, and so does its place in the gallery.
    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV.replace('120', 'lots'));
    await build({ cwd, names: ['top'] });
    page = readText(cwd, 'output/index.html');
    expect(charts(page)).toEqual(['exports', 'top']);

    writeFileSync(path.join(cwd, 'data/exports.csv'), EXPORTS_CSV);
    rmSync(path.join(cwd, 'specs/top.vl.json'));
    await build({ cwd });
    expect(charts(readText(cwd, 'output/index.html'))).toEqual(['exports']);
  });

  it('follows the files in output/ when another chart is built: a deleted SVG drops its chart, a deleted PNG its link', async () => {
    const cwd = makeProject({ ...minimalProject, 'specs/top.vl.json': barSpec({ title: 'Top exporters' }) });
    await build({ cwd });
    rmSync(path.join(cwd, 'output/exports.png'));
    await build({ cwd, names: ['top'], force: true });
    let page = readText(cwd, 'output/index.html');
    expect(charts(page)).toEqual(['exports', 'top']);
    expect(page).not.toContain('href="exports.png"');
    expect(page).toContain('<a href="top.png">PNG (2×)</a>');
    rmSync(path.join(cwd, 'output/exports.svg'));
    await build({ cwd, names: ['top'], force: true });
    page = readText(cwd, 'output/index.html');
    expect(charts(page)).toEqual(['top']);
  });

  it('cites only the sources a chart draws', async () => {
    const cwd = makeProject({
      ...minimalProject,
      'specs/exports.vl.json': barSpec({ transform: [{ filter: "datum.country !== 'Kenya'" }] }),
    });
    await build({ cwd });
    const page = readText(cwd, 'output/index.html');
    expect(page).toContain('Widget exports 2024');
    expect(page).not.toContain('Widget market survey');
  });
});

// The gallery reads each SVG's alt text from its first 16 KiB only (issue 15:
// reading 200 whole SVGs was most of a one-chart build's fixed cost): the
// same text as a whole-file read, whatever the length and characters.
describe('svgFileDescription', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'citechart-desc-'));
  const svgFile = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const svg = (desc: string, padding = 0) =>
    `<svg xmlns="http://www.w3.org/2000/svg"><title>t</title><desc>${desc}</desc><g>${'<rect/>'.repeat(padding)}</g><desc>later</desc></svg>`;

  it('is the whole file’s first <desc>, short or long, with characters cut at the 16 KiB mark', () => {
    const cases = [
      svg('Bars: Kenya 120 &amp; Chad 80.', 20_000),
      // 'é' is two bytes: 40 000 of them cross the 16 KiB mark in the middle of one.
      svg('é'.repeat(40_000) + ' &lt;end&gt;'),
      // `</desc>` across the mark; a two-byte text that ends just before it.
      svg('x'.repeat(16_330)),
      svg('é'.repeat(8_100)),
      '<svg xmlns="http://www.w3.org/2000/svg"><g></g></svg>',
      `<svg xmlns="http://www.w3.org/2000/svg"><g>${'<rect/>'.repeat(20_000)}</g><desc>only at the end</desc></svg>`,
    ];
    cases.forEach((text, i) => {
      const file = svgFile(`case-${i}.svg`, text);
      expect(svgFileDescription(file)).toBe(svgDescription(readFileSync(file, 'utf8')));
    });
    expect(svgFileDescription(path.join(dir, 'case-1.svg'))).toMatch(/^é+ <end>$/);
    expect(svgFileDescription(path.join(dir, 'case-5.svg'))).toBe('only at the end');
  });

  it('is empty for a file that is gone', () => {
    expect(svgFileDescription(path.join(dir, 'missing.svg'))).toBe('');
  });
});
