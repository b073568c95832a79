import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { barSpec, EXPORTS_CSV, minimalProject, positionOf } from '../helpers/fixtureProject.js';
import { format, project } from '../helpers/project.js';

describe('a character no bundled font has', () => {
  it('is a warning at its CSV cell and at its spec string, naming it (before: silent boxes)', async () => {
    const csv = EXPORTS_CSV.replace('Kenya', 'नेपाल');
    const spec = barSpec({ title: 'Exports ሰላም' });
    const cwd = await project({ ...minimalProject, 'data/exports.csv': csv, 'specs/exports.vl.json': spec });
    const result = await build({ cwd, formats: ['svg'] });
    const diagnostics = [...result.diagnostics, ...result.charts.flatMap((chart) => chart.diagnostics)];
    const cell = positionOf(csv, 'नेपाल');
    const title = positionOf(spec, '"title"');
    expect(format(diagnostics.filter((d) => d.message.startsWith('no bundled font'))).sort()).toEqual([
      `data/exports.csv:${cell.line}:${cell.column}: warning: no bundled font draws "न" (U+0928), "े" (U+0947), "प" (U+092A), "ा" (U+093E), "ल" (U+0932): it would show as an empty box in the graphic; replace or remove it (fonts cover Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew and emoji)`,
      `specs/exports.vl.json:${title.line}:${title.column}: warning: no bundled font draws "ሰ" (U+1230), "ላ" (U+120B), "ም" (U+121D): it would show as an empty box in the graphic; replace or remove it (fonts cover Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew and emoji)`,
    ]);
  });

  it('says nothing for text in the scripts the fonts cover', async () => {
    const csv = EXPORTS_CSV.replace('Norway', '東京').replace('Chile', 'مصر').replace('Kenya', '☀️ Solar');
    const cwd = await project({ ...minimalProject, 'data/exports.csv': csv, 'specs/exports.vl.json': barSpec({ title: 'Экспорт 서울 ירושלים' }) });
    const result = await build({ cwd, formats: ['svg'] });
    expect(result.charts.map((chart) => chart.ok)).toEqual([true]);
    expect(format([...result.diagnostics, ...result.charts.flatMap((chart) => chart.diagnostics)])).toEqual([]);
  });
});
