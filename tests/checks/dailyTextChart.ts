// The whole-chart fixture of the text checks of `crowded-labels`
// (overlappingText, clippedText): twelve days of widget counts, drawn with a
// text layer, and what `check` reports under that rule.
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, THEME, type Files } from '../helpers/fixtureProject.js';

const SOURCES = 'id,publisher,authors,title,published,url,attribution\nstats,Statistics Office,Ana Diaz,Daily widgets,2024-03,https://example.org/w,customs records\n';
const DAYS = 'day,count,source\n' + Array.from({ length: 12 }, (_, i) => `2024-02-${String(2 + i).padStart(2, '0')},${10 + (i % 7)},stats\n`).join('');

/** A project whose one spec, `specs/days.vl.json`, is a 480 × 200 chart of data/days.csv with `mark` and `encoding` (and any other top-level keys in `extra`). */
export function dailyTextChart(mark: unknown, encoding: Record<string, unknown>, extra: Record<string, unknown> = {}): Files {
  return {
    'data/sources.csv': SOURCES,
    'data/days.csv': DAYS,
    'specs/theme.json': JSON.stringify(THEME),
    'specs/days.vl.json': JSON.stringify({ title: 'Daily widgets', data: { url: 'data/days.csv' }, width: 480, height: 200, mark, encoding, usermeta: { citechart: { credit: 'Graphic: Test' } }, ...extra }, null, 2) + '\n',
  };
}

/** `check`'s `crowded-labels` findings on the project, as printed. */
export const crowded = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'crowded-labels').map(formatDiagnostic);
