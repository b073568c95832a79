// Each check before drawing (src/checks) and each judged Vega message: one
// fixture that triggers it and one, alike but for the fault, that must not.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { formatDiagnostic } from '../../src/errors.js';
import * as messages from '../../src/messages.js';
import { makeProject, where, type Files } from '../helpers/fixtureProject.js';
import { oneChart } from './fixtures.js';

const found = async (files: Files, rule?: string) =>
  (await check({ cwd: makeProject(files) })).filter((d) => rule === undefined || d.rule === rule).map(formatDiagnostic);
const text = (files: Files, file: string) => files[file] as string;

const EXPORTS = 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\nKenya,40,stats-2024\n';
const bars = (x: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  oneChart('exports', EXPORTS, {
    title: 'Exports',
    mark: 'bar',
    encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)', ...x }, ...extra },
  });

describe('scale-domain', () => {
  it('a value past an explicit quantitative domain is an error naming value and domain', async () => {
    const files = bars({ scale: { domain: [0, 100] } });
    expect(await found(files, 'scale-domain')).toEqual([
      `${where('data/exports.csv', text(files, 'data/exports.csv'), '120')}: error: ${messages.checks.outsideDomain('120', 'exports', 'x', '[0,100]', false)}`,
    ]);
    expect(await found(bars({ scale: { domain: [0, 150] } }), 'scale-domain')).toEqual([]);
    // Clamped, the author chose the window.
    expect(await found(bars({ scale: { domain: [0, 100], clamp: true } }), 'scale-domain')).toEqual([]);
  });

  it('a value past a domainMax or below a domainMin is an error too: the bar runs off the plot', async () => {
    const files = bars({ scale: { domainMax: 100 } });
    expect(await found(files, 'scale-domain')).toEqual([
      `${where('data/exports.csv', text(files, 'data/exports.csv'), '120')}: error: ${messages.checks.outsideDomain('120', 'exports', 'x', '{"domainMax":100}', false)}`,
    ]);
    const low = bars({ scale: { domainMin: 50, zero: false } });
    expect(await found(low, 'scale-domain')).toEqual([
      `${where('data/exports.csv', text(low, 'data/exports.csv'), '40')}: error: ${messages.checks.outsideDomain('40', 'exports', 'x', '{"domainMin":50}', false)}`,
    ]);
    expect(await found(bars({ scale: { domainMin: 0, domainMax: 150 } }), 'scale-domain')).toEqual([]);
    expect(await found(bars({ scale: { domainMax: 100, clamp: true } }), 'scale-domain')).toEqual([]);
  });

  it('a category missing from a colour domain is an error: its mark would be drawn in no colour', async () => {
    const colour = (domain: string[]) => bars({}, { color: { field: 'country', type: 'nominal', scale: { domain, range: ['#1f77b4', '#ff7f0e', '#2ca02c'] } } });
    const files = colour(['Norway', 'Chile']);
    expect(await found(files, 'scale-domain')).toEqual([
      `${where('data/exports.csv', text(files, 'data/exports.csv'), 'Kenya')}: error: ${messages.checks.outsideDomain('Kenya', 'country', 'color', '["Norway","Chile"]', true)}`,
    ]);
    expect(await found(colour(['Norway', 'Chile', 'Kenya']), 'scale-domain')).toEqual([]);
  });
});

describe('temporal-cells', () => {
  const dates = (cells: string[]) =>
    oneChart('prices', 'month,price,source\n' + cells.map((c, i) => `${c},${10 + i},stats-2024\n`).join(''), {
      title: 'Prices',
      mark: 'line',
      encoding: { x: { field: 'month', type: 'temporal', title: 'Month' }, y: { field: 'price', type: 'quantitative', title: 'Price ($)' } },
    });

  it('an error at the first cell that is no date (one per column)', async () => {
    const files = dates(['2024-01', 'Group 1', 'spring', '2024-04']);
    expect(await found(files, 'temporal-cells')).toEqual([`${where('data/prices.csv', text(files, 'data/prices.csv'), 'Group 1')}: error: ${messages.checks.notADate('Group 1', 'month')}`]);
  });

  it('ISO dates, whole years and forms naming a four-digit year pass', async () => {
    expect(await found(dates(['2024-01', '2024-02-15', '2024-03-01T12:00Z', '2024-04']), 'temporal-cells')).toEqual([]);
    expect(await found(dates(['Jan 2024', 'Feb 2024', '2024/03/01', 'Apr 2024']), 'temporal-cells')).toEqual([]);
  });

  it('a day its month does not have is an error, not a point on 1 March (found by an adversarial pass)', async () => {
    const files = dates(['2024-01-31', '2024-02-30', '2024-03-31']);
    expect(await found(files, 'temporal-cells')).toEqual([`${where('data/prices.csv', text(files, 'data/prices.csv'), '2024-02-30')}: error: ${messages.checks.dayNotInMonth('2024-02-30', 'month')}`]);
    expect(await found(dates(['2023-01-31', '2023-02-29']), 'temporal-cells')).toHaveLength(1);
    expect(await found(dates(['Mar 31 2024', 'Apr 31 2024']), 'temporal-cells')).toHaveLength(1);
    expect(await found(dates(['2024-01-31', '2024-02-29', '31 Mar 2024', '2024/04/30']), 'temporal-cells')).toEqual([]);
  });

  it('a number column that is not whole years is read as milliseconds: an error', async () => {
    const files = oneChart('m', 'month,price,source\n1,10,stats-2024\n2,11,stats-2024\n', {
      mark: 'line',
      encoding: { x: { field: 'month', type: 'temporal', title: 'Month' }, y: { field: 'price', type: 'quantitative', title: 'Price ($)' } },
    });
    expect(await found(files, 'temporal-cells')).toEqual([`data/m.csv:2:1: error: ${messages.checks.numberOnTimeAxis(1, 'month')}`]);
  });
});

describe('stack-signs', () => {
  const areas = (north: string) =>
    oneChart('flows', `year,region,flow,source\n2022,North,${north},stats-2024\n2023,North,5,stats-2024\n2022,South,4,stats-2024\n2023,South,6,stats-2024\n`, {
      title: 'Flows',
      mark: 'area',
      encoding: {
        x: { field: 'year', type: 'ordinal', title: 'Year' },
        y: { field: 'flow', type: 'quantitative', title: 'Flow (million $)' },
        color: { field: 'region', type: 'nominal' },
      },
    });

  it('stacked areas of mixed signs: a warning at the first negative cell', async () => {
    const files = areas('-3');
    expect(await found(files, 'stack-signs')).toEqual([`${where('data/flows.csv', text(files, 'data/flows.csv'), '-3')}: warning: ${messages.checks.mixedSignArea(-3, 'flow')}`]);
    expect(await found(areas('3'), 'stack-signs')).toEqual([]);
  });
});

describe('stack-signs: a series missing a point of a stacked area', () => {
  // Found by a newsroom pass: a month with no gas row drew gas exports of 0 in a stacked area, exit 0, no word.
  const FLOWS = (gasMonths: string[]) =>
    'month,flow,exports,source\n' +
    ['2023-01', '2023-02', '2023-03', '2023-04'].map((m) => `${m},Oil,7,stats-2024\n`).join('') +
    gasMonths.map((m) => `${m},Gas,3,stats-2024\n`).join('');
  const areas = (csv: string, stack?: unknown) =>
    oneChart('flows', csv, {
      title: 'Energy exports',
      mark: 'area',
      encoding: {
        x: { field: 'month', type: 'temporal', title: null },
        y: { field: 'exports', type: 'quantitative', title: 'Exports (billion $)', ...(stack !== undefined && { stack }) },
        color: { field: 'flow', type: 'nominal', title: null },
      },
    });

  it('a gap inside a series is a warning at the series\' next row, naming the missing point', async () => {
    expect(await found(areas(FLOWS(['2023-01', '2023-02', '2023-04'])), 'stack-signs')).toEqual([`data/flows.csv:8:9: warning: ${messages.checks.stackGap('Gas', '2023-03', 'exports')}`]);
  });

  it('not for a series that starts late, nor for areas that do not stack', async () => {
    expect(await found(areas(FLOWS(['2023-03', '2023-04'])), 'stack-signs')).toEqual([]);
    expect(await found(areas(FLOWS(['2023-01', '2023-02', '2023-04']), null), 'stack-signs')).toEqual([]);
  });
});

describe('stack-signs: labels of stacked bars', () => {
  // Found by a newsroom pass: white value labels over stacked bars ("color": {"value": "white"}) were drawn at each row's
  // own value, so B's "60" sat inside A's part and B's part had no label; with "detail" they stacked in the opposite order.
  const CSV = 'good,year,value,source\nA,2022,120,stats-2024\nB,2022,60,stats-2024\n';
  const labelled = (text: Record<string, unknown>) =>
    oneChart('parts', CSV, {
      title: 'Imports',
      encoding: { y: { field: 'year', type: 'ordinal', title: null }, x: { field: 'value', type: 'quantitative', title: 'Imports (million $)' }, color: { field: 'good', type: 'nominal', title: null } },
      layer: [{ mark: 'bar' }, { mark: { type: 'text', align: 'right', dx: -4 }, encoding: { text: { field: 'value', type: 'quantitative' }, color: { value: 'white' }, ...text } }],
    });
  const x = { field: 'value', type: 'quantitative', stack: 'zero' };

  it('labels that do not stack, or stack in another order than the bars, are an error at the text layer', async () => {
    const files = labelled({});
    expect(await found(files, 'stack-signs')).toEqual([
      `${where('specs/parts.vl.json', text(files, 'specs/parts.vl.json'), '"mark": {')}: error: ${messages.checks.unstackedLabels('value', 'x', 'bar', 'good')}`,
    ]);
    expect(await found(labelled({ x, detail: { field: 'good' } }), 'stack-signs')).toHaveLength(1);
  });

  it('not when they stack in the bars\' order, or label each bar\'s total', async () => {
    expect(await found(labelled({ x, detail: { field: 'good' }, order: { field: 'good', sort: 'ascending' } }), 'stack-signs')).toEqual([]);
    expect(await found(labelled({ x: { field: 'value', type: 'quantitative', aggregate: 'sum' }, color: { value: 'black' } }), 'stack-signs')).toEqual([]);
    // Bars coloured by their own category (one row a bar, as the example microelectronics chart) stack nothing.
    const oneEach = { ...labelled({}), 'data/parts.csv': 'good,year,value,source\nA,2022,120,stats-2024\nB,2023,60,stats-2024\n' };
    expect(await found(oneEach, 'stack-signs')).toEqual([]);
  });
});

describe('missing-drawn', () => {
  it('an "invalid": null in the theme or the spec config counts like one on the mark', async () => {
    const files = oneChart('rate', 'month,rate,source\n2024-01,4.4,stats-2024\n2024-02,,stats-2024\n', {
      mark: 'line',
      config: { line: { invalid: null } },
      encoding: { x: { field: 'month', type: 'temporal', title: 'Month' }, y: { field: 'rate', type: 'quantitative', title: 'Rate (%)' } },
    });
    expect(await found(files, 'missing-drawn')).toEqual([`data/rate.csv:3:9: warning: ${messages.checks.missingDrawn('rate', 'y', 'null')}`]);
    const filtered = { ...files, 'specs/rate.vl.json': text(files, 'specs/rate.vl.json').replace('"invalid": null', '"invalid": "filter"') };
    expect(await found(filtered, 'missing-drawn')).toEqual([]);
  });
});

describe('empty-category', () => {
  // Found by a newsroom pass: a blank country cell drew a bar labelled "null", exit 0, no warning.
  const TRADE = 'origin,trade,label,source\nChina,240,Largest,stats-2024\n,65,,stats-2024\nTurkey,57,,stats-2024\n';
  const bars = (layer: Record<string, unknown>[] = [{ mark: 'bar' }]) =>
    oneChart('trade', TRADE, {
      title: 'Trade with Russia',
      encoding: { y: { field: 'origin', type: 'nominal', title: null }, x: { field: 'trade', type: 'quantitative', title: 'Trade (billion $)' } },
      layer,
    });

  it('an empty cell of a column drawn as categories is an error at the cell', async () => {
    const files = bars();
    expect(await found(files, 'empty-category')).toEqual([`data/trade.csv:3:1: error: ${messages.checks.emptyCategory('origin', 'y', 'bar')}`]);
    const filled = { ...files, 'data/trade.csv': (files['data/trade.csv'] as string).replace('\n,65', '\nIndia,65') };
    expect(await found(filled, 'empty-category')).toEqual([]);
  });

  it('a text label column left blank on some rows is the same error, unless the text layer keeps only the labelled rows', async () => {
    const named = (files: Files) => ({ ...files, 'data/trade.csv': (files['data/trade.csv'] as string).replace('\n,65', '\nIndia,65') });
    const text = { mark: 'text', encoding: { text: { field: 'label', type: 'nominal' } } };
    const got = await found(named(bars([{ mark: 'bar' }, text])), 'empty-category');
    expect(got).toEqual([
      `data/trade.csv:3:10: error: ${messages.checks.emptyCategory('label', 'text', 'text')}`,
      `data/trade.csv:4:11: error: ${messages.checks.emptyCategory('label', 'text', 'text')}`,
    ]);
    const filtered = { ...text, transform: [{ filter: "isValid(datum.label) && datum.label !== ''" }] };
    expect(await found(named(bars([{ mark: 'bar' }, filtered])), 'empty-category')).toEqual([]);
  });
});

describe('percent-format', () => {
  it('a ".0%" number format in the spec\'s config counts like one on the axis', async () => {
    const vote = (config: Record<string, unknown>) =>
      oneChart('vote', 'party,share,source\nBlue,61%,stats-2024\nRed,39%,stats-2024\n', {
        title: 'Vote share',
        mark: 'bar',
        config,
        encoding: { y: { field: 'party', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'Vote share' } },
      });
    const files = vote({ axisX: { format: '.0%' } });
    expect(await found(files, 'percent-format')).toEqual([`${where('specs/vote.vl.json', text(files, 'specs/vote.vl.json'), '"format"')}: error: ${messages.checks.percentTimes100('share', '.0%')}`]);
    expect(await found(vote({ numberFormat: '.0%' }), 'percent-format')).toHaveLength(1);
    expect(await found(vote({ axisX: { format: '.0f' } }), 'percent-format')).toEqual([]);
  });
});

describe('percent-format on a column named a share or percent', () => {
  // Found by a newsroom pass: a "share" column of 90 and 10 (no "%" in the
  // cells) with an axis and label format of ".0%" published 9000% with exit 0.
  const shares = (cells: [string, string], column = 'share', spec: Record<string, unknown> = {}) =>
    oneChart('origin', `origin,${column},source\nChina,${cells[0]},stats-2024\nAll other origins,${cells[1]},stats-2024\n`, {
      title: 'China supplied most of the imports',
      encoding: { y: { field: 'origin', type: 'nominal', title: null }, x: { field: column, type: 'quantitative', title: 'Share of imports', axis: { format: '.0%' } } },
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: column, type: 'quantitative', format: '.0%' } } }],
      ...spec,
    });

  it('a share above 1 printed with a ×100 format is an error at each format, naming what it would print', async () => {
    const files = shares(['90', '10']);
    const spec = text(files, 'specs/origin.vl.json');
    const message = messages.checks.percentTimes100('share', '.0%', 'share-over-1', 90);
    expect(message).toContain('9000%');
    expect(await found(files, 'percent-format')).toEqual([
      `${where('specs/origin.vl.json', spec, '"format"')}: error: ${message}`,
      `${where('specs/origin.vl.json', spec, '"format"', 1)}: error: ${message}`,
    ]);
    // Fractions of a whole are what the format is for.
    expect(await found(shares(['0.9', '0.1']), 'percent-format')).toEqual([]);
    // A normalised stack draws each part's fraction of the whole, whatever the column holds: "%" is right there.
    const normalized = shares(['90', '10'], 'share', {
      encoding: { y: { field: 'origin', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', stack: 'normalize', title: 'Share of imports', axis: { format: '.0%' } } },
      layer: undefined,
      mark: 'bar',
    });
    expect(await found(normalized, 'percent-format')).toEqual([]);
  });

  it('a column named pct whose figures are mostly beyond ±1 is percentage points; one fractional change over 100% is not', async () => {
    expect(await found(shares(['42.5', '-7.5'], 'change_pct'), 'percent-format')).toHaveLength(2);
    expect(await found(shares(['1.3', '-0.05'], 'pct_change'), 'percent-format')).toEqual([]);
    // A plain amount is no percentage, whatever its format.
    expect(await found(shares(['90', '10'], 'imports'), 'percent-format')).toEqual([]);
  });

  it("format(datum.share, '.0%') in a calculate label is the same error", async () => {
    const files = oneChart('origin', 'origin,share,source\nChina,90,stats-2024\nAll other origins,10,stats-2024\n', {
      title: 'China supplied most of the imports',
      transform: [{ calculate: "format(datum.share, '.0%')", as: 'label' }],
      encoding: { y: { field: 'origin', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'Share of imports (%)' } },
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'label' } } }],
    });
    expect(await found(files, 'percent-format')).toEqual([
      `${where('specs/origin.vl.json', text(files, 'specs/origin.vl.json'), '"calculate"')}: error: ${messages.checks.percentTimes100('share', '.0%', 'share-over-1', 90)}`,
    ]);
  });
});

describe('tick-labels', () => {
  // Found by a newsroom pass: "%b %Y" on a six-month line put a tick every
  // week, so "Jan 2023" showed twice and "Feb 2023" stood at 26 February,
  // beside March's figure, with exit 0.
  const MONTHS = 'month,exports,source\n' + ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'].map((m, i) => `${m},${7 + i},stats-2024\n`).join('');
  const line = (axis: Record<string, unknown>, csv = MONTHS, type = 'temporal') =>
    oneChart('exports', csv, {
      title: 'Exports',
      width: 480,
      mark: 'line',
      encoding: { x: { field: 'month', type, title: null, axis }, y: { field: 'exports', type: 'quantitative', title: 'Exports (billion $)' } },
    });

  it('a month format on ticks a week apart is an error at the format, naming the interval to use', async () => {
    const files = line({ format: '%b %Y' });
    const got = await found(files, 'tick-labels');
    expect(got).toEqual([
      `${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"format"')}: error: ${messages.checks.repeatedTickLabel('x', 'Jan 2023', '2023-01-01', '2023-01-08', messages.checks.repeatedTickFixDate('month'))}`,
    ]);
    // The fix the message names draws one tick a month.
    expect(await found(line({ format: '%b %Y', tickCount: { interval: 'month', step: 1 } }), 'tick-labels')).toEqual([]);
    // Vega's own labels write each tick's unit.
    expect(await found(line({}), 'tick-labels')).toEqual([]);
    // ... and repeat on purpose over a few days ("6 AM" on each day, after that day's date).
    const days = 'month,exports,source\n2023-01-01,7,stats-2024\n2023-01-02,8,stats-2024\n2023-01-03,9,stats-2024\n';
    expect(await found(line({}, days), 'tick-labels')).toEqual([]);
  });

  it('a number format that rounds ticks half a unit apart alike is an error too', async () => {
    const csv = 'month,exports,source\n1,1,stats-2024\n2,2,stats-2024\n3,3,stats-2024\n';
    const files = line({ format: '.0f' }, csv, 'quantitative');
    const got = await found(files, 'tick-labels');
    expect(got).toHaveLength(1);
    expect(got[0]).toContain(`${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"format"')}: error: two ticks of the x axis are labelled`);
    expect(got[0]).toContain(messages.checks.repeatedTickFixNumber('1'));
    expect(await found(line({ format: '.1f' }, csv, 'quantitative'), 'tick-labels')).toEqual([]);
  });
});

describe('percent-format in an expression', () => {
  // Found by an adversarial pass: the ×100 format written as format() in an expression published 6100% with exit 0.
  const vote = (spec: Record<string, unknown>) =>
    oneChart('vote', 'party,share,source\nBlue,61%,stats-2024\nRed,39%,stats-2024\n', {
      title: 'Vote share',
      encoding: { y: { field: 'party', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'Vote share (%)' } },
      ...spec,
    });
  const labelled = (format: string) =>
    vote({ transform: [{ calculate: `format(datum.share, '${format}')`, as: 'label' }], layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'label' } } }] });

  it("format(datum.share, '.0%') in a calculate is an error at the expression; '.0f' is not", async () => {
    const files = labelled('.0%');
    expect(await found(files, 'percent-format')).toEqual([`${where('specs/vote.vl.json', text(files, 'specs/vote.vl.json'), '"calculate"')}: error: ${messages.checks.percentTimes100('share', '.0%')}`]);
    expect(await found(labelled('.0f'), 'percent-format')).toEqual([]);
  });

  it("format(datum.value, '%') in the labelExpr of an axis plotting the column is an error there", async () => {
    const axis = (labelExpr: string) =>
      vote({ mark: 'bar', encoding: { y: { field: 'party', type: 'nominal', title: null }, x: { field: 'share', type: 'quantitative', title: 'Vote share', axis: { labelExpr } } } });
    const files = axis("format(datum.value, '%')");
    expect(await found(files, 'percent-format')).toEqual([`${where('specs/vote.vl.json', text(files, 'specs/vote.vl.json'), '"labelExpr"')}: error: ${messages.checks.percentTimes100('share', '%')}`]);
    expect(await found(axis("format(datum.value, 'd') + '%'"), 'percent-format')).toEqual([]);
  });
});

describe('si-format', () => {
  it('"~s" prints G for billions: a warning at the format; ",.1f" does not', async () => {
    const files = bars({ axis: { format: '~s' } });
    expect(await found(files, 'si-format')).toEqual([`${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"format"')}: warning: ${messages.checks.siPrefix('~s')}`]);
    expect(await found(bars({ axis: { format: ',.1f' } }), 'si-format')).toEqual([]);
  });
});

describe('empty-layer', () => {
  const highlight = (filter: string) =>
    oneChart('exports', EXPORTS, {
      title: 'Exports',
      encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } },
      layer: [{ mark: 'bar' }, { transform: [{ filter }], mark: { type: 'text', align: 'left' }, encoding: { text: { field: 'exports', type: 'quantitative' } } }],
    });

  it('a layer whose filter keeps no row: a warning at the filter', async () => {
    const files = highlight('datum.exports > 1000');
    expect(await found(files, 'empty-layer')).toEqual([`${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"filter"')}: warning: ${messages.checks.filterKeepsNothing()}`]);
    expect(await found(highlight('datum.exports > 100'), 'empty-layer')).toEqual([]);
  });

  it('a layer emptied by its filter is that warning alone; emptied otherwise (no value at all), Vega\'s infinite extent is an error at the field', async () => {
    expect((await found(highlight('datum.exports > 1000'))).filter((line) => line.includes(': error: '))).toEqual([]);
    const files = oneChart('exports', 'country,exports,target,source\nNorway,120,,stats-2024\nChile,85,,stats-2024\n', {
      title: 'Exports',
      encoding: { y: { field: 'country', type: 'nominal', title: null } },
      layer: [
        { mark: 'bar', encoding: { x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } } },
        { mark: 'tick', encoding: { x: { field: 'target', type: 'quantitative' } } },
      ],
    });
    expect(await found(files, 'vega')).toEqual([`${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"field": "target"')}: error: ${messages.checks.emptyExtent('target')}`]);
  });
});

describe('Vega and Vega-Lite messages judged', () => {
  const flows = (y: Record<string, unknown>, mark = 'bar') =>
    oneChart('flows', 'year,region,flow,source\n2022,North,3,stats-2024\n2022,South,4,stats-2024\n', {
      title: 'Flows',
      mark,
      encoding: {
        x: { field: 'region', type: 'nominal', title: null },
        y: { field: 'flow', type: 'quantitative', title: 'Flow (million $)', ...y },
        color: { field: 'year', type: 'nominal' },
      },
    });

  it('stacked means (lengths that add nothing up) are an error at the aggregate, with the fix', async () => {
    const files = flows({ aggregate: 'mean' });
    expect(await found(files, 'vega-lite')).toEqual([
      `${where('specs/flows.vl.json', text(files, 'specs/flows.vl.json'), '"aggregate"')}: error: ${messages.checks.judged('Vega-Lite', 'Stacking is applied even though the aggregate function is non-summative ("mean").', 'stacked lengths add up, so stack sums or counts only: use "sum", or "stack": null to overlap')}`,
    ]);
    expect(await found(flows({ aggregate: 'sum' }), 'vega-lite')).toEqual([]);
  });

  it('bars on a log scale start at 0: Vega\'s "log scale domain includes zero" is an error at the scale type', async () => {
    const files = flows({ scale: { type: 'log' } });
    expect(await found(files, 'vega')).toEqual([`${where('specs/flows.vl.json', text(files, 'specs/flows.vl.json'), '"type": "log"')}: error: ${messages.checks.logDomainZero('[0,4]')}`]);
    expect(await found(flows({ scale: { type: 'linear' } }), 'vega')).toEqual([]);
  });

  it('a message naming a scale type points at that scale, as a warning with the reason', async () => {
    const files = flows({ scale: { type: 'band' } });
    const lines = await found(files, 'vega-lite');
    expect(lines).toEqual([
      `${where('specs/flows.vl.json', text(files, 'specs/flows.vl.json'), '"type": "band"')}: warning: ${messages.checks.judged('Vega-Lite', 'FieldDef does not work with "band" scale. We are using "linear" scale instead.', messages.checks.fixScaleType())}`,
    ]);
  });
});

describe('duplicate-marks', () => {
  const TWICE = 'country,exports,source\nNorway,120,stats-2024\nChile,85,stats-2024\nNorway,40,stats-2024\n';
  const chart = (csv: string, spec: Record<string, unknown>) => oneChart('exports', csv, { title: 'Exports', ...spec });
  const barSpec = { mark: 'bar', encoding: { y: { field: 'country', type: 'nominal', title: null }, x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)' } } };

  it('a category listed twice in a bar chart (drawn as one bar of the sum) is an error at the second row', async () => {
    const files = chart(TWICE, barSpec);
    expect(await found(files, 'duplicate-marks')).toEqual([
      `${where('data/exports.csv', text(files, 'data/exports.csv'), 'Norway', 1)}: error: ${messages.checks.duplicateMark('Norway', 2, 'bar', 'exports')}`,
    ]);
  });

  it('not when a channel tells the rows apart, an aggregate sums them on purpose, or each category is listed once', async () => {
    const split = 'country,year,exports,source\nNorway,2023,120,stats-2024\nNorway,2024,40,stats-2024\n';
    const color = { ...barSpec, encoding: { ...barSpec.encoding, color: { field: 'year', type: 'nominal', title: 'Year' } } };
    expect(await found(chart(split, color), 'duplicate-marks')).toEqual([]);
    const summed = { ...barSpec, encoding: { ...barSpec.encoding, x: { ...barSpec.encoding.x, aggregate: 'sum' } } };
    expect(await found(chart(TWICE, summed), 'duplicate-marks')).toEqual([]);
    expect(await found(chart(EXPORTS, barSpec), 'duplicate-marks')).toEqual([]);
    // Two numbers: a scatter plot's points may coincide.
    const scatter = { mark: 'point', encoding: { x: { field: 'exports', type: 'quantitative', title: 'Exports (units)' }, y: { field: 'exports', type: 'quantitative', title: 'Exports (units)' } } };
    expect(await found(chart(TWICE, scatter), 'duplicate-marks')).toEqual([]);
    // A connected scatter plot, its line drawn in the order of a year, may pass one x twice.
    const connected = 'year,gdp,exports,source\n2022,1,10,stats-2024\n2023,2,12,stats-2024\n2024,1,15,stats-2024\n';
    const ordered = { mark: 'line', encoding: { x: { field: 'gdp', type: 'quantitative', title: 'GDP (units)' }, y: { field: 'exports', type: 'quantitative', title: 'Exports (units)' }, order: { field: 'year' } } };
    expect(await found(chart(connected, ordered), 'duplicate-marks')).toEqual([]);
  });

  it('a line with two values at one date doubles back: an error', async () => {
    const csv = 'year,exports,source\n2022,10,stats-2024\n2023,12,stats-2024\n2023,15,stats-2024\n';
    const line = { mark: 'line', encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'exports', type: 'quantitative', title: 'Exports (units)' } } };
    const files = chart(csv, line);
    expect(await found(files, 'duplicate-marks')).toEqual([
      `${where('data/exports.csv', csv, '2023', 1)}: error: ${messages.checks.duplicateMark('2023', 3, 'line', 'exports')}`,
    ]);
  });
});

describe('duplicate-marks on a time unit', () => {
  // Found by a newsroom pass: monthly unemployment rates on a "timeUnit": "year" bar axis were stacked into one bar a year,
  // 12.3 % for 2022 (three rates summed), with exit 0: views with a time unit were not checked.
  const RATES = 'month,rate,source\n2022-01,4.1,stats-2024\n2022-02,4.2,stats-2024\n2023-01,3.9,stats-2024\n';
  const chart = (x: Record<string, unknown>, mark = 'bar', y: Record<string, unknown> = {}) =>
    oneChart('rate', RATES, { title: 'Unemployment rate', mark, encoding: { x: { field: 'month', title: null, ...x }, y: { field: 'rate', type: 'quantitative', title: 'Rate (%)', ...y } } });

  it('two rows in one unit of the time axis, told apart by nothing, are an error at the second', async () => {
    const files = chart({ type: 'ordinal', timeUnit: 'year' });
    expect(await found(files, 'duplicate-marks')).toEqual([`data/rate.csv:3:1: error: ${messages.checks.duplicateTimeUnit('2022-02', '2022-01', 2, 'year', 'bar', 'rate')}`]);
    expect(await found(chart({ type: 'temporal', timeUnit: 'utcyear' }, 'line'), 'duplicate-marks')).toEqual([
      `data/rate.csv:3:1: error: ${messages.checks.duplicateTimeUnit('2022-02', '2022-01', 2, 'utcyear', 'line', 'rate')}`,
    ]);
  });

  it('not when the unit keeps the rows apart, or an aggregate says which figure a year shows', async () => {
    expect(await found(chart({ type: 'ordinal', timeUnit: 'yearmonth' }), 'duplicate-marks')).toEqual([]);
    expect(await found(chart({ type: 'ordinal', timeUnit: 'year' }, 'bar', { aggregate: 'mean' }), 'duplicate-marks')).toEqual([]);
    // A unit this check does not read (binned) leaves the view alone.
    expect(await found(chart({ type: 'temporal', timeUnit: 'binnedyearmonth' }), 'duplicate-marks')).toEqual([]);
  });
});

describe('year-filter: a dated text column compared with a text', () => {
  // Found by a newsroom pass: {"filter": "datum.month != '2023-01'"} on a monthly line kept January
  // (Vega-Lite had read the column as dates), and the footer cited January's source, with exit 0.
  const MONTHS = 'month,exports,source\n2023-01,7,stats-2024\n2023-02,8,stats-2024\n2023-03,9,stats-2024\n';
  const line = (filter: unknown, type = 'temporal') =>
    oneChart('exports', MONTHS, {
      title: 'Exports',
      transform: [{ filter }],
      mark: 'line',
      encoding: { x: { field: 'month', type, title: null }, y: { field: 'exports', type: 'quantitative', title: 'Exports (billion $)' } },
    });

  it('is an error at the filter, however the comparison is written', async () => {
    const files = line("datum.month != '2023-01'");
    expect(await found(files, 'year-filter')).toEqual([
      `${where('specs/exports.vl.json', text(files, 'specs/exports.vl.json'), '"filter"')}: error: ${messages.checks.dateComparedAsText('month', "datum.month != '2023-01'", '2023-01')}`,
    ]);
    for (const filter of ["'2023-02' <= datum['month']", 'datum.exports > 7 && datum.month == "2023-02"', { field: 'month', oneOf: ['2023-02', '2023-03'] }, { not: { field: 'month', equal: '2023-01' } }]) {
      expect(await found(line(filter), 'year-filter'), JSON.stringify(filter)).toHaveLength(1);
    }
  });

  it('not for the comparison the message gives, a timeUnit predicate, or a column on no time axis', async () => {
    expect(await found(line("time(datum.month) != time(toDate('2023-01'))"), 'year-filter')).toEqual([]);
    expect(await found(line({ field: 'month', timeUnit: 'yearmonth', equal: { year: 2023, month: 2 } }), 'year-filter')).toEqual([]);
    expect(await found(line("datum.month != '2023-01'", 'ordinal'), 'year-filter')).toEqual([]);
  });
});

describe('temporal-cells: day and month order', () => {
  const line = (dates: string[]) =>
    oneChart('t', 'date,value,source\n' + dates.map((d, i) => `${d},${i + 1},stats-2024\n`).join(''), {
      title: 'T',
      mark: 'line',
      encoding: { x: { field: 'date', type: 'temporal', title: null }, y: { field: 'value', type: 'quantitative', title: 'Value (units)' } },
    });
  const csvOf = (files: Files) => text(files, 'data/t.csv');

  it('dates with dots, day first wherever written, are drawn month first: an error', async () => {
    const files = line(['01.02.2024', '03.02.2024']);
    expect(await found(files, 'temporal-cells')).toEqual([
      `${where('data/t.csv', csvOf(files), '01.02.2024')}: error: ${messages.checks.dottedDate('01.02.2024', 'date', '2 January 2024', '1 February 2024')}`,
    ]);
  });

  it('slashed dates that fit both orders: a warning saying which was drawn', async () => {
    const files = line(['01/02/2024', '03/02/2024']);
    expect(await found(files, 'temporal-cells')).toEqual([
      `${where('data/t.csv', csvOf(files), '01/02/2024')}: warning: ${messages.checks.slashedDate('01/02/2024', 'date', '2 January 2024', '1 February 2024')}`,
    ]);
  });

  it('no word when a cell shows the order, the day equals the month, or dates are ISO', async () => {
    expect(await found(line(['01/02/2024', '01/13/2024']), 'temporal-cells')).toEqual([]);
    expect(await found(line(['01/01/2024', '02/02/2024']), 'temporal-cells')).toEqual([]);
    expect(await found(line(['2024-01-02', '2024-02-03']), 'temporal-cells')).toEqual([]);
  });
});
