import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseJsonText } from '../../src/compile/readJsonFile.js';
import { build, renderChart, verify } from '../../src/index.js';
import { openProject } from '../../src/project.js';
import { renderChart as drawChart } from '../../src/renderChart.js';
import { themeSocialCardProblems, themeSocialCards } from '../../src/social/socialPresets.js';
import { format, project, sourcesCsv } from '../helpers/project.js';

const presets = {
  'citechart-social-landscape': { width: 1200, height: 675 },
  'citechart-social-square': { width: 1080, height: 1080 },
};
const theme = { padding: 16, style: presets };
const spec = (usermeta?: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  title: { text: 'Output by city', subtitle: 'Tonnes a year' },
  data: { url: 'data/t.csv' },
  mark: 'bar',
  encoding: { y: { field: 'label', type: 'nominal' }, x: { field: 'value', type: 'quantitative' } },
  ...(usermeta && { usermeta: { citechart: usermeta } }),
  ...extra,
});
const table = 'label,value,source\nA,1,a\nB,2,a\nC,3,a\n';
const draw = (s: Record<string, unknown>, t: Record<string, unknown> = theme) =>
  renderChart({ spec: s, tables: { t: table }, sources: sourcesCsv('a'), theme: t, options: { formats: ['png'] } });
/** The cards as build's renderChart draws them, SVG included. */
const cardsOf = async (s: Record<string, unknown>) => {
  const cwd = await project({ 'data/sources.csv': sourcesCsv('a'), 'data/t.csv': table, 'specs/theme.json': JSON.stringify(theme), 'specs/bars.vl.json': JSON.stringify(s) });
  const { chart } = await drawChart(await openProject(cwd), 'bars');
  return chart!.socialCards!;
};
const sizeOf = async (png: Buffer) => {
  const { width, height } = await sharp(png).metadata();
  return `${width}x${height}`;
};

describe('social card presets in the theme', () => {
  it('are the citechart-social-* styles with a size, ordered by width then height, each size once', () => {
    const style = { ...presets, 'citechart-social-again': { width: 1080, height: 1080 }, 'citechart-social-bad': { width: 10, height: 675 }, other: { width: 500, height: 500 } };
    expect(themeSocialCards({ style })).toEqual([{ width: 1080, height: 1080 }, { width: 1200, height: 675 }]);
    expect(themeSocialCards(undefined)).toEqual([]);
  });

  it('a side that is not a whole number of px from 400 to 4000 is an error at it', () => {
    const json = parseJsonText('specs/theme.json', JSON.stringify({ style: { 'citechart-social-x': { width: 1200.5, height: 99999 } } }, null, 2)).json!;
    expect(themeSocialCardProblems(json).map((d) => `${d.line}:${d.column}: ${d.message}`)).toEqual([
      '4:7: social card style "citechart-social-x" needs a width in px of its PNG: a whole number from 400 to 4000, not 1200.5',
      '5:7: social card style "citechart-social-x" needs a height in px of its PNG: a whole number from 400 to 4000, not 99999',
    ]);
  });
});

describe('social cards', () => {
  it("are drawn at every preset of the theme, each PNG exactly the card's size", async () => {
    const result = await draw(spec());
    expect(format(result.diagnostics)).toEqual([]);
    expect(await Promise.all(result.socialCards!.map((card) => sizeOf(card.png)))).toEqual(['1080x1080', '1200x675']);
  }, 60_000);

  it('are the ones a spec chooses, or none with "social": false', async () => {
    const chosen = await draw(spec({ social: ['1200x675'] }));
    expect(chosen.socialCards?.map((card) => `${card.width}x${card.height}`)).toEqual(['1200x675']);
    const none = await draw(spec({ social: false }));
    expect(none.ok).toBe(true);
    expect(none.socialCards).toBeUndefined();
  }, 60_000);

  it("a size the theme does not declare is an error at it, naming the theme's", async () => {
    const result = await draw(spec({ social: ['1200x675', '999x999'] }));
    expect(result.ok).toBe(false);
    expect(format(result.diagnostics)).toEqual([
      expect.stringMatching(/^specs\/chart\.vl\.json:\d+:\d+: error: social card "999x999" is not one of the theme's: choose among "1080x1080", "1200x675"/),
    ]);
  });

  it('a concat that asks for cards is an error; one that does not gets none', async () => {
    const concat = { data: { url: 'data/t.csv' }, hconcat: [{ mark: 'bar', encoding: { x: { field: 'value', type: 'quantitative' } } }] };
    expect(format((await draw({ ...concat, usermeta: { citechart: { social: ['1200x675'] } } })).diagnostics)).toEqual([
      expect.stringMatching(/error: social cards need a single or layered view/),
    ]);
    const quiet = await draw(concat);
    expect(quiet.ok).toBe(true);
    expect(quiet.socialCards).toBeUndefined();
  }, 60_000);

  it('keeps the bars about as thick as in the article, not stretched to fill the card (review: bars a third of the card tall)', async () => {
    // Three bars at Vega-Lite's default step (20 px): on a 1080×1080 card they used to be fitted to the whole height.
    const svg = (await cardsOf(spec({ social: ['1080x1080'] })))[0]!.svg;
    const bars = /<g class="mark-rect role-mark[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const thickness = [...bars.matchAll(/d="M[\d.-]+,[\d.-]+h[\d.-]+v([\d.]+)/g)].map((m) => Number(m[1]));
    expect(thickness).toHaveLength(3);
    // Vega-Lite's band is 90% of the step; rows grow to 1.5 steps at most.
    for (const t of thickness) expect(t).toBeLessThanOrEqual(20 * 1.5);
  }, 60_000);

  it("scales the type to the card: a card seen 360 px wide on a phone shows 11 px footer type at 9 px or more", async () => {
    const cards = await cardsOf(spec({ social: ['1080x1080', '1200x675'] }));
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      const zoom = Number(/<g class="citechart-zoom" transform="scale\(([\d.]+)\)">/.exec(card.svg)?.[1] ?? 1);
      const shown = (11 * zoom * 360) / (card.width / 2);
      expect(shown, `${card.width}x${card.height}`).toBeGreaterThanOrEqual(9);
    }
  }, 60_000);

  it('a card whose footer leaves the chart no room is left out, with a warning', async () => {
    // A credit stays in every shorter form of the footer (notes go to the article in the shortest).
    const credit = Array.from({ length: 8 }, (_, i) => `Credit ${i + 1}: a long line about who gathered, checked and rounded these figures before publication.`).join(' ');
    const result = await draw(spec({ credit }), { padding: 16, style: { 'citechart-social-low': { width: 1200, height: 400 } } });
    expect(result.ok).toBe(true);
    expect(result.socialCards).toBeUndefined();
    expect(format(result.diagnostics)).toEqual([expect.stringMatching(/warning: no 1200x400 social card: the title, legend and footer leave \d+ px of height for the chart/)]);
  }, 60_000);

  it('build writes them as NAME-social-WxH.png, lists them in the manifest, and verify checks them', async () => {
    const cwd = await project({
      'data/sources.csv': sourcesCsv('a'),
      'data/t.csv': table,
      'specs/theme.json': JSON.stringify(theme),
      'specs/bars.vl.json': JSON.stringify(spec({ social: ['1200x675'] })),
    });
    const built = await build({ cwd, jobs: 1 });
    expect(built.charts.map((c) => c.ok)).toEqual([true]);
    const manifest = JSON.parse(readFileSync(path.join(cwd, 'output/manifest.json'), 'utf8')) as { charts: Record<string, { files: string[] }> };
    expect(manifest.charts.bars!.files).toContain('output/bars-social-1200x675.png');
    expect(await sizeOf(readFileSync(path.join(cwd, 'output/bars-social-1200x675.png')))).toBe('1200x675');
    const verdicts = await verify({ cwd, files: ['output/bars-social-1200x675.png'] });
    expect(verdicts.verdicts).toEqual([{ file: 'output/bars-social-1200x675.png', status: 'up to date' }]);
    // A changed figure makes the card stale, as it does the PNG.
    writeFileSync(path.join(cwd, 'data/t.csv'), table.replace('C,3', 'C,4'));
    expect((await verify({ cwd, files: ['output/bars-social-1200x675.png'] })).verdicts[0]!.status).toBe('stale');
    // A spec that opts out: the card of the last build is removed, as any file no chart writes any more.
    writeFileSync(path.join(cwd, 'specs/bars.vl.json'), JSON.stringify(spec({ social: false })));
    const rebuilt = await build({ cwd, jobs: 1 });
    expect(rebuilt.removed).toEqual(['output/bars-social-1200x675.png']);
    expect(existsSync(path.join(cwd, 'output/bars-social-1200x675.png'))).toBe(false);
  }, 60_000);
});
