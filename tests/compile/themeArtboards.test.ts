// Issue 13, phone-first by default: the theme's artboard styles
// (`config.style["citechart-artboard-*"].width`) give every single or layered
// chart artboards unless its spec lists its own widths (or `[]`, none).
import { describe, expect, it } from 'vitest';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { themeArtboards } from '../../src/compile/themeArtboards.js';
import { barSpec, makeProject, minimalProject } from '../helpers/fixtureProject.js';
import { format } from '../helpers/project.js';

const THEME = {
  padding: 16,
  style: { 'citechart-artboard-phone': { width: 320 }, 'citechart-artboard-column': { width: 640 }, 'citechart-footer': { fontSize: 12 } },
};

async function artboardsOf(spec: string, theme: unknown = THEME) {
  const cwd = makeProject({ ...minimalProject, 'specs/theme.json': JSON.stringify(theme, null, 2), 'specs/exports.vl.json': spec });
  const { chart, diagnostics } = await renderChart(await openProject(cwd), 'exports', { png: false });
  return { widths: chart?.artboards?.map((a) => a.width), diagnostics: format(diagnostics) };
}

describe('artboards from the theme', () => {
  it('reads the widths of the artboard styles, ascending, ignoring other styles', () => {
    expect(themeArtboards(THEME)).toEqual([320, 640]);
    expect(themeArtboards({ style: { 'citechart-footer': { fontSize: 11 } } })).toEqual([]);
    expect(themeArtboards(undefined)).toEqual([]);
  });

  it('gives a chart without widths of its own the theme\'s artboards', async () => {
    expect(await artboardsOf(barSpec())).toEqual({ widths: [320, 640], diagnostics: [] });
  });

  it('lets the spec\'s widths win, and [] turn artboards off', async () => {
    expect((await artboardsOf(barSpec({ extra: { usermeta: { citechart: { widths: [480] } } } }))).widths).toEqual([480]);
    expect((await artboardsOf(barSpec({ extra: { usermeta: { citechart: { widths: [] } } } }))).widths).toBeUndefined();
  });

  it('gives a concatenated chart none (Vega-Lite cannot fit it to one width)', async () => {
    const bar = JSON.parse(barSpec());
    const concat = { data: bar.data, hconcat: [{ mark: bar.mark, encoding: bar.encoding }, { mark: bar.mark, encoding: bar.encoding }] };
    expect(await artboardsOf(JSON.stringify(concat))).toEqual({ widths: undefined, diagnostics: [] });
  });

  it('reports an artboard width out of range at its place in the theme', async () => {
    const theme = { style: { 'citechart-artboard-phone': { width: 120 } } };
    const cwd = makeProject({ ...minimalProject, 'specs/theme.json': JSON.stringify(theme, null, 2) });
    expect(format((await openProject(cwd)).diagnostics).join('\n')).toMatch(/^specs\/theme\.json:\d+:\d+: error: style "citechart-artboard-phone" declares an artboard but its width is 120: give a whole number of px from 200 to 4000/m);
  });
});
