// missing-drawn, left out: an empty cell in a bar chart made its bar and its
// category label vanish, with no word (Vega-Lite's default invalid: "filter").
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files) => (await check({ cwd: makeProject(files) })).filter((d) => d.rule === 'missing-drawn').map(formatDiagnostic);

const chart = (mark: unknown) =>
  oneChart('exports', 'country,exports,source\nNorway,120,stats-2024\nChile,,stats-2024\nKenya,40,stats-2024\n', {
    title: 'Exports',
    mark,
    encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } },
  });

describe('missing-drawn: an empty cell left out of a bar or point chart', () => {
  it('is a warning at the empty cell', async () => {
    expect(await found(chart('bar'))).toEqual([`data/exports.csv:3:7: warning: ${messages.checks.missingLeftOut('exports', 'bar')}`]);
    expect(await found(chart('point'))).toEqual([`data/exports.csv:3:7: warning: ${messages.checks.missingLeftOut('exports', 'point')}`]);
  });

  it('no word for a line (it shows a gap) or when the spec chose its "invalid" mode', async () => {
    expect(await found(chart('line'))).toEqual([]);
    expect(await found(chart({ type: 'bar', invalid: 'filter' }))).toEqual([]);
  });
});
