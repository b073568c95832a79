// Review (h12): an axis's `tickSize`, a text's `lineHeight`, a concatenation's
// `spacing` were bounded only by the PNG size check, which `--formats svg`
// skips; a corner's radius and the spec's `description` had no limit at
// all. Each is tested at its limit and one past it, at the value's line and
// column, in a spec and in the theme.
import { describe, expect, test } from 'vitest';
import { readSpec, readTheme } from '../../src/compile/readSpec.js';
import { LIMITS } from '../../src/limits.js';
import * as messages from '../../src/messages.js';
import { positionOf } from '../helpers/fixtureProject.js';
import { format, project } from '../helpers/project.js';

const unit = (extra: Record<string, unknown> = {}, encoding: Record<string, unknown> = {}) => ({
  data: { url: 'data/t.csv' },
  mark: 'bar',
  encoding: { x: { field: 'x', type: 'quantitative' }, ...encoding },
  ...extra,
});

/** The errors reading `spec` gives, and `where(needle)`: `specs/c.vl.json:line:col` of the nth `needle` in its text. */
async function read(spec: Record<string, unknown>) {
  const text = JSON.stringify(spec, null, 2);
  const { diagnostics } = await readSpec(await project({ 'specs/c.vl.json': text }), 'c');
  const where = (needle: string, n = 0) => {
    const { line, column } = positionOf(text, needle, n);
    return `specs/c.vl.json:${line}:${column}`;
  };
  return { said: format(diagnostics.filter((d) => d.severity === 'error')), where };
}

describe('tick sizes, line heights and spacing: ±LIMITS.spacingPx', () => {
  const limit = LIMITS.spacingPx;

  // Vega-Lite's schema refuses a negative tickSize.
  test("an axis's tickSize: the limit passes, one past is an error at the value", async () => {
    const axis = (tickSize: number) => unit({}, { x: { field: 'x', type: 'quantitative', axis: { tickSize } } });
    expect((await read(axis(limit))).said).toEqual([]);
    const { said, where } = await read(axis(limit + 1));
    expect(said).toEqual([`${where('"tickSize"')}: error: ${messages.spec.styleOverLimit('tickSize', limit + 1, 'tick length', limit)}`]);
  });

  test("a text mark's lineHeight, a title's subtitleLineHeight, an axis's labelLineHeight", async () => {
    expect((await read(unit({ mark: { type: 'text', lineHeight: limit } }))).said).toEqual([]);
    const mark = await read(unit({ mark: { type: 'text', lineHeight: limit + 1 } }));
    expect(mark.said).toEqual([`${mark.where('"lineHeight"')}: error: ${messages.spec.styleOverLimit('lineHeight', limit + 1, 'line height', limit)}`]);
    const title = await read(unit({ title: { text: 'T', subtitle: 'S', subtitleLineHeight: limit + 1 } }));
    expect(title.said).toEqual([`${title.where('"subtitleLineHeight"')}: error: ${messages.spec.styleOverLimit('subtitleLineHeight', limit + 1, 'line height', limit)}`]);
    const axis = await read(unit({}, { x: { field: 'x', type: 'quantitative', axis: { labelLineHeight: -limit - 1 } } }));
    expect(axis.said).toEqual([`${axis.where('"labelLineHeight"')}: error: ${messages.spec.styleOverLimit('labelLineHeight', -limit - 1, 'line height', limit)}`]);
  });

  test("a concatenation's spacing, a facet's row or column spacing, a bar's binSpacing", async () => {
    const concat = (spacing: unknown) => ({ hconcat: [unit(), unit()], spacing });
    expect((await read(concat(limit))).said).toEqual([]);
    const over = await read(concat(limit + 1));
    expect(over.said).toEqual([`${over.where('"spacing"')}: error: ${messages.spec.styleOverLimit('spacing', limit + 1, 'spacing', limit)}`]);
    const facet = await read({ data: { url: 'data/t.csv' }, facet: { row: { field: 'x', type: 'nominal' } }, spec: { mark: 'bar', encoding: { x: { field: 'x', type: 'quantitative' } } }, spacing: { row: 10, column: limit + 1 } });
    expect(facet.said).toEqual([`${facet.where('"column"', 0)}: error: ${messages.spec.styleOverLimit('spacing', limit + 1, 'spacing', limit)}`]);
    const bar = await read(unit({ mark: { type: 'bar', binSpacing: limit + 1 } }));
    expect(bar.said).toEqual([`${bar.where('"binSpacing"')}: error: ${messages.spec.styleOverLimit('binSpacing', limit + 1, 'spacing', limit)}`]);
  });

  test("the theme's axis tickSize, concat spacing and title lineHeight, at their values", async () => {
    const text = JSON.stringify({ axis: { tickSize: limit + 1 }, concat: { spacing: limit + 1 }, title: { lineHeight: limit, subtitleLineHeight: limit + 1 } }, null, 2);
    const { theme, diagnostics } = await readTheme(await project({ 'specs/theme.json': text }));
    expect(theme).toBeUndefined();
    const at = (needle: string) => {
      const { line, column } = positionOf(text, needle);
      return `specs/theme.json:${line}:${column}`;
    };
    expect(format(diagnostics)).toEqual([
      `${at('"tickSize"')}: error: ${messages.spec.styleOverLimit('tickSize', limit + 1, 'tick length', limit)}`,
      `${at('"spacing"')}: error: ${messages.spec.styleOverLimit('spacing', limit + 1, 'spacing', limit)}`,
      `${at('"subtitleLineHeight"')}: error: ${messages.spec.styleOverLimit('subtitleLineHeight', limit + 1, 'line height', limit)}`,
    ]);
  });
});

describe('corner radii: LIMITS.cornerRadiusPx', () => {
  const limit = LIMITS.cornerRadiusPx;

  test('cornerRadius and each of its variants: the limit passes, one past is an error at the value', async () => {
    const keys = ['cornerRadius', 'cornerRadiusEnd', 'cornerRadiusTopLeft', 'cornerRadiusTopRight', 'cornerRadiusBottomLeft', 'cornerRadiusBottomRight'];
    expect((await read(unit({ mark: { type: 'bar', ...Object.fromEntries(keys.map((key) => [key, limit])) } }))).said).toEqual([]);
    for (const key of keys) {
      const { said, where } = await read(unit({ mark: { type: 'bar', [key]: limit + 1 } }));
      expect(said).toEqual([`${where(`"${key}"`)}: error: ${messages.spec.cornerRadiusOverLimit(key, limit + 1, limit, LIMITS.viewPx)}`]);
    }
  });

  test("a view's radius, either sign, and the theme's bar radius", async () => {
    const view = await read(unit({ view: { cornerRadius: -limit - 1 } }));
    expect(view.said).toEqual([`${view.where('"cornerRadius"')}: error: ${messages.spec.cornerRadiusOverLimit('cornerRadius', -limit - 1, limit, LIMITS.viewPx)}`]);
    const text = JSON.stringify({ bar: { cornerRadiusEnd: limit + 1 } });
    const { diagnostics } = await readTheme(await project({ 'specs/theme.json': text }));
    expect(format(diagnostics)).toEqual([`specs/theme.json:1:9: error: ${messages.spec.cornerRadiusOverLimit('cornerRadiusEnd', limit + 1, limit, LIMITS.viewPx)}`]);
  });
});

describe("a description (read aloud): LIMITS.altTextChars", () => {
  const limit = LIMITS.altTextChars;

  test("the spec's description: the limit passes, one more character is an error at it", async () => {
    expect((await read(unit({ description: 'd'.repeat(limit) }))).said).toEqual([]);
    const { said, where } = await read(unit({ description: 'd'.repeat(limit + 1) }));
    expect(said).toEqual([`${where('"description"')}: error: ${messages.spec.descriptionOverLimit(limit + 1, limit)}`]);
  });

  test("a mark's description, and a description channel's value", async () => {
    const mark = await read(unit({ mark: { type: 'bar', description: 'd'.repeat(limit + 1) } }));
    expect(mark.said).toEqual([`${mark.where('"description"')}: error: ${messages.spec.descriptionOverLimit(limit + 1, limit)}`]);
    const channel = await read(unit({}, { description: { value: 'd'.repeat(limit + 1) } }));
    expect(channel.said).toEqual([`${channel.where('"value"')}: error: ${messages.spec.descriptionOverLimit(limit + 1, limit)}`]);
  });
});
