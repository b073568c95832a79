import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import { makeProject, minimalProject, where } from '../helpers/fixtureProject.js';
import { findings, specText } from './lintProject.js';

const shareBar = (file = 'data/share.csv') =>
  specText({
    data: { url: file },
    mark: 'bar',
    encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative', title: 'Share of imports (%)' } },
  });
const shares = (...rows: [string, string][]) => 'origin,share,source\n' + rows.map(([o, s]) => `${o},${s},stats-2024\n`).join('');

describe('shares-sum', () => {
  it('flags a share column whose rows do not sum to 100, at its first cell', async () => {
    const csv = shares(['China', '90'], ['Other', '5']);
    expect(await findings('shares-sum', { 'data/share.csv': csv, 'specs/share.vl.json': shareBar() })).toEqual([
      `${where('data/share.csv', csv, '90')}: warning: column "share" holds shares of a whole but its rows sum to 95, not 100 (± 1 for rounding); is a part missing or mistyped?`,
    ]);
  });

  it('checks a stack per position on the other axis and names the group', async () => {
    const csv =
      'year,origin,pct,source\n' +
      '2022,China,60,stats-2024\n2022,Other,40,stats-2024\n' +
      '2023,China,70,stats-2024\n2023,Other,27,stats-2024\n';
    const spec = specText({
      data: { url: 'data/stack.csv' },
      mark: 'bar',
      encoding: {
        x: { field: 'year', type: 'ordinal' },
        y: { field: 'pct', type: 'quantitative', title: 'Share (%)' },
        color: { field: 'origin', type: 'nominal' },
      },
    });
    expect(await findings('shares-sum', { 'data/stack.csv': csv, 'specs/stack.vl.json': spec })).toEqual([
      `${where('data/stack.csv', csv, '70')}: warning: column "pct" holds shares of a whole but the rows of year 2023 sum to 97, not 100 (± 1 for rounding); is a part missing or mistyped?`,
    ]);
  });

  it('a change, growth or rate in percent is no part of a whole', async () => {
    // Found by a newsroom pass: a bar chart of changes per good ("change_pct": 42.5, -7.5…) was told its rows do not sum to 100.
    const csv = 'good,change_pct,source\nMachine tools,42.5,stats-2024\nOptics,-7.5,stats-2024\n';
    const spec = specText({ data: { url: 'data/change.csv' }, mark: 'bar', encoding: { y: { field: 'good', type: 'nominal' }, x: { field: 'change_pct', type: 'quantitative', title: 'Change (%)' } } });
    expect(await findings('shares-sum', { 'data/change.csv': csv, 'specs/change.vl.json': spec })).toEqual([]);
    const share = 'good,share_pct,source\nMachine tools,42.5,stats-2024\nOptics,7.5,stats-2024\n';
    expect(await findings('shares-sum', { 'data/change.csv': share, 'specs/change.vl.json': spec.replace(/change_pct/g, 'share_pct') })).toHaveLength(1);
  });

  it('reads a pie titled in % as shares, whatever the column is called', async () => {
    const csv = 'origin,value,source\nChina,80,stats-2024\nOther,10,stats-2024\n';
    const spec = specText({
      data: { url: 'data/pie.csv' },
      mark: 'arc',
      encoding: { theta: { field: 'value', type: 'quantitative', title: '% of imports' }, color: { field: 'origin', type: 'nominal' } },
    });
    expect(await findings('shares-sum', { 'data/pie.csv': csv, 'specs/pie.vl.json': spec })).toHaveLength(1);
  });

  it('accepts sums within rounding, fractions shown as %, and columns that are not shares', async () => {
    expect(await findings('shares-sum', { 'data/share.csv': shares(['China', '90'], ['Other', '10']), 'specs/share.vl.json': shareBar() })).toEqual([]);
    // Three whole numbers may be 1.5 off.
    expect(await findings('shares-sum', { 'data/share.csv': shares(['A', '33'], ['B', '33'], ['C', '33']), 'specs/share.vl.json': shareBar() })).toEqual([]);
    const fractions = specText({
      data: { url: 'data/share.csv' },
      mark: 'bar',
      encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative', axis: { format: '.0%' } } },
    });
    expect(await findings('shares-sum', { 'data/share.csv': shares(['China', '0.9'], ['Other', '0.1']), 'specs/share.vl.json': fractions })).toEqual([]);
    // exports is no share: the minimal project's bars sum to 245.
    expect(await findings('shares-sum', {})).toEqual([]);
  });

  it('accepts one answer per group when each group is the whole (a survey filtered to "Support")', async () => {
    const csv =
      'answer,group,share,source\n' +
      'Support,Under 35,46,stats-2024\nOppose,Under 35,54,stats-2024\n' +
      'Support,35 and over,31,stats-2024\nOppose,35 and over,69,stats-2024\n';
    const spec = specText({
      data: { url: 'data/survey.csv' },
      transform: [{ filter: "datum.answer == 'Support'" }],
      mark: 'bar',
      encoding: { x: { field: 'group', type: 'nominal' }, y: { field: 'share', type: 'quantitative', title: 'Support (%)' } },
    });
    expect(await findings('shares-sum', { 'data/survey.csv': csv, 'specs/survey.vl.json': spec })).toEqual([]);
    // The same chart over a table whose groups do not make wholes is flagged.
    const broken = csv.replace('Oppose,35 and over,69', 'Oppose,35 and over,59');
    expect(await findings('shares-sum', { 'data/survey.csv': broken, 'specs/survey.vl.json': spec })).toHaveLength(1);
  });

  it('sums only the rows the chart draws', async () => {
    const csv = shares(['China', '90'], ['Other', '10'], ['Total', '100']);
    const spec = specText({
      data: { url: 'data/share.csv' },
      transform: [{ filter: "datum.origin !== 'Total'" }],
      mark: 'bar',
      encoding: { y: { field: 'origin', type: 'nominal' }, x: { field: 'share', type: 'quantitative', title: 'Share (%)' } },
    });
    expect(await findings('shares-sum', { 'data/share.csv': csv, 'specs/share.vl.json': spec })).toEqual([]);
  });

  it('leaves a normalised stack of amounts alone, but checks one of a share column', async () => {
    const csv = (column: string, b: string) =>
      `year,fuel,${column},source\n2022,coal,40,stats-2024\n2022,gas,${b},stats-2024\n2023,coal,38,stats-2024\n2023,gas,62,stats-2024\n`;
    const spec = (column: string) =>
      specText({
        data: { url: 'data/mix.csv' },
        mark: 'area',
        encoding: {
          x: { field: 'year', type: 'ordinal' },
          y: { field: column, type: 'quantitative', stack: 'normalize', axis: { format: '.0%' }, title: 'Share of generation' },
          color: { field: 'fuel', type: 'nominal' },
        },
      });
    expect(await findings('shares-sum', { 'data/mix.csv': csv('twh', '350'), 'specs/mix.vl.json': spec('twh') })).toEqual([]);
    const shares = csv('share', '50');
    expect(await findings('shares-sum', { 'data/mix.csv': shares, 'specs/mix.vl.json': spec('share') })).toEqual([
      `${where('data/mix.csv', shares, '40')}: warning: column "share" holds shares of a whole but the rows of year 2022 sum to 90, not 100 (± 1 for rounding); is a part missing or mistyped?`,
    ]);
  });

  it('adds nothing to the error of a table that did not load (a cell "ninety" is no missing part)', async () => {
    const csv = shares(['China', 'ninety'], ['Other', '10']);
    const files = { 'data/share.csv': csv, 'specs/share.vl.json': shareBar() };
    const all = await check({ cwd: makeProject({ ...minimalProject, ...files }) });
    expect(all.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([
      `${where('data/share.csv', csv, 'ninety')}: error: "ninety" is not a number, but column "share" holds numbers; write it as e.g. 90 or 1234.5`,
    ]);
    expect(all.filter((d) => d.rule === 'shares-sum')).toEqual([]);
  });

  it('leaves rates in % alone when the bars are grouped (xOffset) or unstacked (stack: null), not stacked', async () => {
    const csv = 'year,country,rate,source\n2022,Norway,3.2,stats-2024\n2022,Chile,7.8,stats-2024\n2023,Norway,3.6,stats-2024\n2023,Chile,8.5,stats-2024\n';
    const spec = (extra: Record<string, unknown>, y: Record<string, unknown> = {}) =>
      specText({
        data: { url: 'data/rates.csv' },
        mark: 'bar',
        encoding: {
          x: { field: 'year', type: 'ordinal' },
          y: { field: 'rate', type: 'quantitative', title: 'Unemployment rate (%)', ...y },
          color: { field: 'country', type: 'nominal' },
          ...extra,
        },
      });
    const files = (text: string) => ({ 'data/rates.csv': csv, 'specs/rates.vl.json': text });
    expect(await findings('shares-sum', files(spec({ xOffset: { field: 'country', type: 'nominal' } })))).toEqual([]);
    expect(await findings('shares-sum', files(spec({}, { stack: null })))).toEqual([]);
    // Stacked, the same rates would claim to be parts of a whole.
    expect(await findings('shares-sum', files(spec({})))).toHaveLength(2);
  });
});
