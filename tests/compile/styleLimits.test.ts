// Unbounded text and sizes (review, h9): a 10,000-character title and
// `labelFontSize: 1e7` were drawn without a word, off the artboard. Each is
// now an error at its value (file:line:col), in a spec and in the theme.
import { describe, expect, test } from 'vitest';
import { readSpec, readTheme } from '../../src/compile/readSpec.js';
import { LIMITS } from '../../src/limits.js';
import * as messages from '../../src/messages.js';
import { positionOf } from '../helpers/fixtureProject.js';
import { format, project } from '../helpers/project.js';

const chart = (extra: Record<string, unknown>, encoding: Record<string, unknown> = { x: { field: 'x', type: 'quantitative' } }) =>
  JSON.stringify({ data: { url: 'data/t.csv' }, mark: 'line', encoding, ...extra }, null, 2);

async function problems(extra: Record<string, unknown>, encoding?: Record<string, unknown>) {
  const cwd = await project({ 'specs/c.vl.json': chart(extra, encoding) });
  const { spec, diagnostics } = await readSpec(cwd, 'c');
  return { spec, said: format(diagnostics.filter((d) => d.severity === 'error')) };
}

const long = 'A'.repeat(10_000);

describe('drawn text over LIMITS.drawnTextChars', () => {
  test('a 10,000-character title, at the title', async () => {
    const { said } = await problems({ title: long });
    expect(said).toEqual([`specs/c.vl.json:12:3: error: ${messages.spec.textOverLimit('title', 10_000, LIMITS.drawnTextChars)}`]);
    expect(said[0]).toContain('10,000 characters long');
  });

  test("a title's lines count together; a subtitle, an axis title, a note and the credit each on their own", async () => {
    const lines = Array.from({ length: 20 }, () => 'B'.repeat(60));
    expect((await problems({ title: lines })).said).toEqual([expect.stringMatching(/^specs\/c\.vl\.json:12:3: error: this title is 1,200 characters long/)]);
    expect((await problems({ title: { text: 'T', subtitle: long } })).said).toEqual([expect.stringMatching(/:14:5: error: this subtitle is 10,000/)]);
    expect((await problems({}, { x: { field: 'x', type: 'quantitative', axis: { title: long } } })).said).toEqual([expect.stringMatching(/^specs\/c\.vl\.json:\d+:\d+: error: this title is 10,000/)]);
    expect((await problems({ usermeta: { citechart: { notes: ['fine', long], credit: long } } })).said).toEqual([
      expect.stringMatching(/^specs\/c\.vl\.json:\d+:\d+: error: this note is 10,000/),
      expect.stringMatching(/error: this credit is 10,000/),
    ]);
  });

  test('a text mark\'s value, and texts at the limit pass', async () => {
    expect((await problems({ mark: { type: 'text', text: long } })).said).toEqual([expect.stringMatching(/error: this text is 10,000/)]);
    expect((await problems({}, { text: { value: long } })).said).toEqual([expect.stringMatching(/error: this text is 10,000/)]);
    const { spec, said } = await problems({ title: 'C'.repeat(LIMITS.drawnTextChars) });
    expect(said).toEqual([]);
    expect(spec).toBeDefined();
  });
});

describe('font sizes, line widths and spacing', () => {
  test('labelFontSize 1e7 on an axis, at the value', async () => {
    const { said } = await problems({}, { x: { field: 'x', type: 'quantitative', axis: { labelFontSize: 1e7 } } });
    expect(said).toEqual([`specs/c.vl.json:11:9: error: ${messages.spec.styleOverLimit('labelFontSize', 1e7, 'font size', LIMITS.fontPx)}`]);
  });

  test('a mark strokeWidth, a channel value, a padding side, a negative offset', async () => {
    expect((await problems({ mark: { type: 'line', strokeWidth: 5000 } })).said).toEqual([expect.stringMatching(/"strokeWidth" 5000 px is over citechart's limit of 100 px for a line width/)]);
    expect((await problems({}, { x: { field: 'x', type: 'quantitative' }, strokeWidth: { value: 1e6 } })).said).toEqual([expect.stringMatching(/"strokeWidth" 1000000 px/)]);
    expect((await problems({ padding: { top: 5, left: 1e6 } })).said).toEqual([expect.stringMatching(/"padding" 1000000 px is over citechart's limit of 1,000 px for a padding or offset/)]);
    expect((await problems({}, { x: { field: 'x', type: 'quantitative', axis: { labelOffset: -5e4 } } })).said).toEqual([expect.stringMatching(/"labelOffset" -50000 px/)]);
  });

  test('ordinary sizes pass', async () => {
    const { said } = await problems({ padding: 10, mark: { type: 'line', strokeWidth: 2 } }, { x: { field: 'x', type: 'quantitative', axis: { labelFontSize: 12, titleFontSize: 14, labelPadding: 4 }, scale: { padding: 0.2 } } });
    expect(said).toEqual([]);
  });

  test('the theme is checked too: a config font size and a title font size', async () => {
    const cwd = await project({ 'specs/theme.json': JSON.stringify({ axis: { labelFontSize: 1e7 }, title: { fontSize: 900 } }) });
    const { theme, diagnostics } = await readTheme(cwd);
    expect(theme).toBeUndefined();
    expect(format(diagnostics)).toEqual([
      `specs/theme.json:1:10: error: ${messages.spec.styleOverLimit('labelFontSize', 1e7, 'font size', LIMITS.fontPx)}`,
      `specs/theme.json:1:45: error: ${messages.spec.styleOverLimit('fontSize', 900, 'font size', LIMITS.fontPx)}`,
    ]);
  });
});

describe("an edition's translation", () => {
  test("a translated title over the limit is an error at its strings entry's value", async () => {
    const { readChartSpec } = await import('../../src/locale/readEdition.js');
    const translationText = JSON.stringify({ strings: { Short: 'Titre '.repeat(200) } }, null, 2);
    const cwd = await project({ 'specs/c.vl.json': chart({ title: 'Short' }), 'specs/c.fr.json': translationText });
    const { spec, diagnostics } = await readChartSpec(cwd, 'c.fr');
    expect(spec).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs/c.fr.json:3:14: error: ${messages.spec.textOverLimit('title', 1_200, LIMITS.drawnTextChars)}`]);
  });
});

// Review (round 10): a mark's `size`, `dx`/`dy` and the alt text had no
// limit (`size: 1e9` drew one circle over the whole artboard, exit 0).
// Each is tested at its limit and one past it, at the value's line and column.
describe("a mark's size, a text's dx and dy, the alt text", () => {
  const at = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle));
    return `${before.split('\n').length}:${before.length - before.lastIndexOf('\n')}`;
  };
  async function problemsAt(extra: Record<string, unknown>, encoding: Record<string, unknown> | undefined, needle: string) {
    const text = chart(extra, encoding);
    const { said } = await problems(extra, encoding);
    return { said, where: `specs/c.vl.json:${at(text, needle)}` };
  }

  test("a point's size: at the limit passes, one past is an error at the value (mark, channel value, condition, scale range, legend symbol)", async () => {
    const limit = LIMITS.markSizePx2;
    expect((await problems({ mark: { type: 'point', size: limit } })).said).toEqual([]);
    const mark = await problemsAt({ mark: { type: 'point', size: limit + 1 } }, undefined, '"size"');
    expect(mark.said).toEqual([`${mark.where}: error: ${messages.spec.markSizeOverLimit('size', limit + 1, limit)}`]);
    const channel = await problemsAt({ mark: 'point' }, { x: { field: 'x', type: 'quantitative' }, size: { value: limit + 1 } }, '"value"');
    expect(channel.said).toEqual([`${channel.where}: error: ${messages.spec.markSizeOverLimit('size', limit + 1, limit)}`]);
    const condition = await problemsAt({ mark: 'point' }, { x: { field: 'x', type: 'quantitative' }, size: { condition: { test: 'datum.x > 1', value: 1e9 }, value: 30 } }, '"value": 1000000000');
    expect(condition.said).toEqual([`${condition.where}: error: ${messages.spec.markSizeOverLimit('size', 1e9, limit)}`]);
    const range = await problemsAt({ mark: 'point' }, { x: { field: 'x', type: 'quantitative' }, size: { field: 'x', type: 'quantitative', scale: { range: [10, limit + 1] } } }, `${limit + 1}`);
    expect(range.said).toEqual([`${range.where}: error: ${messages.spec.markSizeOverLimit('range', limit + 1, limit)}`]);
    const legend = await problemsAt({ mark: 'point' }, { x: { field: 'x', type: 'quantitative' }, color: { field: 'x', type: 'nominal', legend: { symbolSize: limit + 1 } } }, '"symbolSize"');
    expect(legend.said).toEqual([`${legend.where}: error: ${messages.spec.markSizeOverLimit('symbolSize', limit + 1, limit)}`]);
  });

  test("a text mark's size is its font size: LIMITS.fontPx", async () => {
    expect((await problems({ mark: { type: 'text', size: LIMITS.fontPx } })).said).toEqual([]);
    const mark = await problemsAt({ mark: { type: 'text', size: LIMITS.fontPx + 1 } }, undefined, '"size"');
    expect(mark.said).toEqual([`${mark.where}: error: ${messages.spec.styleOverLimit('size', LIMITS.fontPx + 1, 'font size', LIMITS.fontPx)}`]);
    const channel = await problemsAt({ mark: 'text' }, { x: { field: 'x', type: 'quantitative' }, size: { value: LIMITS.fontPx + 1 } }, '"value"');
    expect(channel.said).toEqual([`${channel.where}: error: ${messages.spec.styleOverLimit('size', LIMITS.fontPx + 1, 'font size', LIMITS.fontPx)}`]);
  });

  test('dx and dy: ±LIMITS.spacingPx passes, one past either way is an error at the value', async () => {
    const limit = LIMITS.spacingPx;
    expect((await problems({ mark: { type: 'text', dx: limit, dy: -limit } })).said).toEqual([]);
    const dx = await problemsAt({ mark: { type: 'text', dx: limit + 1 } }, undefined, '"dx"');
    expect(dx.said).toEqual([`${dx.where}: error: ${messages.spec.styleOverLimit('dx', limit + 1, 'padding or offset', limit)}`]);
    const dy = await problemsAt({ mark: { type: 'text', dy: -limit - 1 } }, undefined, '"dy"');
    expect(dy.said).toEqual([`${dy.where}: error: ${messages.spec.styleOverLimit('dy', -limit - 1, 'padding or offset', limit)}`]);
  });

  test('the alt text: LIMITS.altTextChars characters pass, one more is an error at it', async () => {
    expect((await problems({ usermeta: { citechart: { alt: 'a'.repeat(LIMITS.altTextChars) } } })).said).toEqual([]);
    const alt = await problemsAt({ usermeta: { citechart: { alt: 'a'.repeat(LIMITS.altTextChars + 1) } } }, undefined, '"alt"');
    expect(alt.said).toEqual([`${alt.where}: error: ${messages.spec.altOverLimit(LIMITS.altTextChars + 1, LIMITS.altTextChars)}`]);
  });

  test("the theme's point size and text size, at their values", async () => {
    const text = JSON.stringify({ point: { size: LIMITS.markSizePx2 + 1 }, text: { size: LIMITS.fontPx + 1 }, scale: { maxSize: LIMITS.markSizePx2 } }, null, 2);
    const cwd = await project({ 'specs/theme.json': text });
    const { diagnostics } = await readTheme(cwd);
    expect(format(diagnostics)).toEqual([
      `specs/theme.json:${at(text, '"size"')}: error: ${messages.spec.markSizeOverLimit('size', LIMITS.markSizePx2 + 1, LIMITS.markSizePx2)}`,
      `specs/theme.json:${positionAfter(text, '"text"', '"size"')}: error: ${messages.spec.styleOverLimit('size', LIMITS.fontPx + 1, 'font size', LIMITS.fontPx)}`,
    ]);
  });

  test("an edition's translation of the alt text over the limit is an error at its strings entry's value", async () => {
    const { readChartSpec } = await import('../../src/locale/readEdition.js');
    const translationText = JSON.stringify({ strings: { 'Bars.': 'b'.repeat(LIMITS.altTextChars + 1) } }, null, 2);
    const cwd = await project({ 'specs/c.vl.json': chart({ usermeta: { citechart: { alt: 'Bars.' } } }), 'specs/c.fr.json': translationText });
    const { spec, diagnostics } = await readChartSpec(cwd, 'c.fr');
    expect(spec).toBeUndefined();
    expect(format(diagnostics)).toEqual([`specs/c.fr.json:3:14: error: ${messages.spec.altOverLimit(LIMITS.altTextChars + 1, LIMITS.altTextChars)}`]);
  });
});

/** `line:col` of the first `needle` after `after` in `text`. */
function positionAfter(text: string, after: string, needle: string): string {
  const offset = text.indexOf(needle, text.indexOf(after));
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

// Found in the same sweep: a legend's `gradientLength: 1e7` took `check` 27 s
// and 816 MB before the PNG size check refused the chart. Now an error at the
// value, before drawing, with a view's limit (the largest side of a PNG).
describe("a legend gradient's length and thickness", () => {
  test('LIMITS.viewPx passes, one more is an error at the value (a spec and the theme)', async () => {
    const legend = (gradient: Record<string, number>) => ({ x: { field: 'x', type: 'quantitative' }, color: { field: 'x', type: 'quantitative', legend: gradient } });
    expect((await problems({}, legend({ gradientLength: LIMITS.viewPx, gradientThickness: LIMITS.viewPx }))).said).toEqual([]);
    for (const key of ['gradientLength', 'gradientThickness']) {
      const text = chart({}, legend({ [key]: LIMITS.viewPx + 1 }));
      const { line, column } = positionOf(text, `"${key}"`);
      expect((await problems({}, legend({ [key]: LIMITS.viewPx + 1 }))).said).toEqual([`specs/c.vl.json:${line}:${column}: error: ${messages.spec.viewOverLimit(key, LIMITS.viewPx + 1, LIMITS.viewPx)}`]);
    }
    const theme = JSON.stringify({ legend: { gradientLength: 1e7 } });
    const { diagnostics } = await readTheme(await project({ 'specs/theme.json': theme }));
    expect(format(diagnostics)).toEqual([`specs/theme.json:1:12: error: ${messages.spec.viewOverLimit('gradientLength', 1e7, LIMITS.viewPx)}`]);
  });
});
