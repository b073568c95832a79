// Issue 15 (cold start, peak memory): a project whose text is all Latin,
// Greek and Cyrillic never unpacks the fallback fonts, sixteen scripts more
// of them or not, and never loads HarfBuzz's shaper (loaded to measure them).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { fallbackFontDir } from '../../src/text/fallbackFonts.js';
import { shaperLoaded } from '../../src/text/shapeText.js';
import { barSpec, EXPORTS_CSV, minimalProject } from '../helpers/fixtureProject.js';
import { project } from '../helpers/project.js';
import { usePrivateTmpdir } from '../helpers/privateTmpdir.js';

// A machine that never made the fallback folder.
const privateTmp = usePrivateTmpdir('latin-only-');

describe('a Latin, Greek and Cyrillic project', () => {
  it('builds its SVG and PNG without unpacking a fallback font or loading HarfBuzz', async () => {
    const csv = EXPORTS_CSV.replace('Norway', 'Zürich').replace('Chile', 'Αθήνα').replace('Kenya', 'Москва');
    const cwd = await project({ ...minimalProject, 'data/exports.csv': csv, 'specs/exports.vl.json': barSpec({ title: 'Exports – 2024 (€)' }) });
    const result = await build({ cwd, formats: ['svg', 'png'] });
    expect(result.charts.map((chart) => chart.ok)).toEqual([true]);
    expect(fallbackFontDir().startsWith(privateTmp())).toBe(true);
    expect(existsSync(fallbackFontDir())).toBe(false);
    expect(shaperLoaded()).toBe(false);
  });
});
