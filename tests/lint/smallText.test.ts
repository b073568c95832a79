// Issue 13: a `check` rule that warns when text would show under 11 CSS px
// in a phone column, at the property that set its size.
import { describe, expect, it } from 'vitest';
import { barSpec, THEME, where } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

const PHONE_FIRST = { ...THEME, style: { 'citechart-artboard-phone': { width: 320 }, 'citechart-artboard-column': { width: 640 } } };
const theme = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

describe('small-text', () => {
  it('passes a chart with phone artboards and no text under 11 px', async () => {
    expect(await findings('small-text', { 'specs/theme.json': theme(PHONE_FIRST) })).toEqual([]);
  });

  it('skips a chart without artboards when the theme names no phone width', async () => {
    const small = { mark: undefined, layer: [{ mark: 'bar' }, { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'exports', type: 'quantitative' } } }] };
    expect(await findings('small-text', { 'specs/exports.vl.json': barSpec({ extra: small }) })).toEqual([]);
    // The same chart given artboards of its own is checked.
    const phone = barSpec({ extra: { ...small, usermeta: { citechart: { widths: [320] } } } });
    expect(await findings('small-text', { 'specs/exports.vl.json': phone })).toHaveLength(1);
  });

  it('flags a 9-px text mark at its fontSize, even with phone artboards', async () => {
    const spec = barSpec({
      extra: {
        mark: undefined,
        layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'left', fontSize: 9 }, encoding: { text: { field: 'exports', type: 'quantitative' } } }],
      },
    });
    expect(await findings('small-text', { 'specs/theme.json': theme(PHONE_FIRST), 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"fontSize"')}: warning: text mark ("120"): set at 9 px, shown at 9.0 CSS px on its 320-px artboard, under the 11-px minimum; ` +
        // Drawn at its artboard, not shrunk: artboards would not help, so they are not suggested.
        `set at least 11 px`,
    ]);
  });

  it('flags 11-px text that a chart without artboards scales down in a phone column, where the theme sets it', async () => {
    const spec = barSpec({ extra: { width: 600, usermeta: { citechart: { widths: [] } } } });
    const found = await findings('small-text', { 'specs/theme.json': theme(PHONE_FIRST), 'specs/exports.vl.json': spec });
    expect(found.map((line) => line.replace(/ \(.*/, ''))).toEqual([
      `specs/exports.vl.json:1:1: warning: footer`,
      `${where('specs/theme.json', theme(PHONE_FIRST), '"fontSize"')}: warning: title`,
      `${where('specs/theme.json', theme(PHONE_FIRST), '"labelFontSize"')}: warning: axis labels`,
      `${where('specs/theme.json', theme(PHONE_FIRST), '"titleFontSize"')}: warning: axis title`,
    ]);
    expect(found[2]).toMatch(/set at 11 px, shown at [5-7]\.\d CSS px in a 320-px phone column/);
  });
});
