import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { barSpec, EXPORTS_CSV, minimalProject, positionOf } from '../helpers/fixtureProject.js';
import { format, project } from '../helpers/project.js';

describe('a character no bundled font has', () => {
  it('is a warning at its CSV cell and at its spec string, naming it (before: silent boxes)', async () => {
    // Tibetan and Cherokee: still no bundled font (Devanagari and Ethiopic were the examples before they had one).
    const csv = EXPORTS_CSV.replace('Kenya', 'བོད');
    const spec = barSpec({ title: 'Exports ᏣᎳᎩ' });
    const cwd = await project({ ...minimalProject, 'data/exports.csv': csv, 'specs/exports.vl.json': spec });
    const result = await build({ cwd, formats: ['svg'] });
    const diagnostics = [...result.diagnostics, ...result.charts.flatMap((chart) => chart.diagnostics)];
    const cell = positionOf(csv, 'བོད');
    const title = positionOf(spec, '"title"');
    expect(format(diagnostics.filter((d) => d.message.startsWith('no bundled font'))).sort()).toEqual([
      `data/exports.csv:${cell.line}:${cell.column}: warning: no bundled font draws "བ" (U+0F56), "ོ" (U+0F7C), "ད" (U+0F51): it would show as an empty box in the graphic; replace or remove it (fonts cover Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic and emoji)`,
      `specs/exports.vl.json:${title.line}:${title.column}: warning: no bundled font draws "Ꮳ" (U+13E3), "Ꮃ" (U+13B3), "Ꭹ" (U+13A9): it would show as an empty box in the graphic; replace or remove it (fonts cover Latin, Greek, Cyrillic, Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Bengali, Gujarati, Gurmukhi, Tamil, Telugu, Kannada, Malayalam, Sinhala, Thai, Lao, Khmer, Myanmar, Georgian, Armenian, Ethiopic and emoji)`,
    ]);
  });

  it('says nothing for text in the scripts the fonts cover', async () => {
    const csv = EXPORTS_CSV.replace('Norway', '東京').replace('Chile', 'مصر').replace('Kenya', '☀️ नेपाल ที่นี่');
    const cwd = await project({ ...minimalProject, 'data/exports.csv': csv, 'specs/exports.vl.json': barSpec({ title: 'Экспорт 서울 ירושלים ሰላም ਪੰਜਾਬੀ ශ්‍රී' }) });
    const result = await build({ cwd, formats: ['svg'] });
    expect(result.charts.map((chart) => chart.ok)).toEqual([true]);
    expect(format([...result.diagnostics, ...result.charts.flatMap((chart) => chart.diagnostics)])).toEqual([]);
  });
});
