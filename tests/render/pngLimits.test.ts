// Issue 9, item 5: check and build agree on sizes the PNG cannot have. Both
// refuse them from the SVG's size, before sharp is asked to draw, in words
// and at the spec's width (the fuzz test found sharp's own refusals first).
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { build } from '../../src/commands/build.js';
import { formatDiagnostic } from '../../src/errors.js';
import { barSpec, makeProject, minimalProject, where } from '../helpers/fixtureProject.js';

const SPEC = 'specs/exports.vl.json';

describe('PNG size limits, in check and build alike', () => {
  it.each([
    ['too many pixels', 9000, { step: 3000 }],
    ['too wide for sharp (32,767 px a side at 2×)', 20000, { step: 24 }],
  ])('%s', async (_, width, height) => {
    const text = barSpec({ extra: { width, height } });
    const cwd = makeProject({ ...minimalProject, [SPEC]: text });
    const checked = (await check({ cwd })).filter((d) => d.severity === 'error').map(formatDiagnostic);
    expect(checked).toEqual([expect.stringMatching(new RegExp(`^${where(SPEC, text, '"width"')}: error: the chart is \\d+×\\d+ px, so its 2× PNG would be \\d+×\\d+ px, beyond the limits for a PNG`))]);
    const built = await build({ cwd, jobs: 1 });
    expect(built.charts[0]!.ok).toBe(false);
    expect(built.charts[0]!.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual(checked);
  });
});
