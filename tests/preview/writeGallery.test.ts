// build writes output/index.html: the static gallery of the charts that have files in output/.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
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
