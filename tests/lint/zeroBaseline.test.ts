import { describe, expect, it } from 'vitest';
import { barSpec, where } from '../helpers/fixtureProject.js';
import { findings } from './lintProject.js';

const withScale = (scale: Record<string, unknown>, mark = 'bar') =>
  barSpec({
    extra: {
      mark,
      encoding: {
        y: { field: 'country', type: 'nominal', sort: null, title: null },
        x: { field: 'exports', type: 'quantitative', title: 'Exports (thousand units)', scale },
      },
    },
  });

describe('zero-baseline', () => {
  it('flags a bar chart with "zero": false at that property', async () => {
    const spec = withScale({ zero: false });
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"zero"')}: warning: bar chart whose x axis does not start at zero ("zero": false): bar and area lengths then mislead; let the scale include 0`,
    ]);
  });

  it('flags an explicit domain without 0, in a layer that inherits the encoding', async () => {
    const spec = barSpec({
      extra: {
        mark: undefined,
        layer: [{ mark: 'text' }, { mark: { type: 'area' } }],
        encoding: {
          x: { field: 'country', type: 'nominal' },
          y: { field: 'exports', type: 'quantitative', title: 'Exports (units)', scale: { domain: [30, 130] } },
        },
      },
    });
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"domain"')}: warning: area chart whose y axis does not start at zero (domain [30, 130]): bar and area lengths then mislead; let the scale include 0`,
    ]);
  });

  it('flags a log scale, which has no zero', async () => {
    const spec = withScale({ type: 'log' });
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"type": "log"')}: warning: bar chart whose x axis does not start at zero (a log scale): bar and area lengths then mislead; let the scale include 0`,
    ]);
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': withScale({ type: 'log' }, 'line') })).toEqual([]);
  });

  it('flags a domainMin above zero', async () => {
    const spec = withScale({ domainMin: 20 });
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': spec })).toEqual([
      `${where('specs/exports.vl.json', spec, '"domainMin"')}: warning: bar chart whose x axis does not start at zero ("domainMin": 20): bar and area lengths then mislead; let the scale include 0`,
    ]);
  });

  it('leaves bars from zero, a domain with 0, lines and ranged bars alone', async () => {
    expect(await findings('zero-baseline', {})).toEqual([]);
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': withScale({ domain: [0, 150] }) })).toEqual([]);
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': withScale({ zero: false }, 'line') })).toEqual([]);
    const ranged = barSpec({
      extra: {
        encoding: {
          y: { field: 'country', type: 'nominal' },
          x: { field: 'exports', type: 'quantitative', title: 'Exports (units)', scale: { zero: false } },
          x2: { datum: 200 },
        },
      },
    });
    expect(await findings('zero-baseline', { 'specs/exports.vl.json': ranged })).toEqual([]);
  });

  it('checks only the axis a length runs along: not the numeric year axis of an area, nor the bins of a histogram', async () => {
    const trend = 'year,exports,source\n2021,120,stats-2024\n2022,85,stats-2024\n2023,40,monitor-2023\n';
    const overYears = (y: Record<string, unknown>) =>
      barSpec({
        file: 'data/trend.csv',
        extra: {
          mark: 'area',
          height: 200,
          encoding: {
            x: { field: 'year', type: 'quantitative', title: 'Year', scale: { zero: false }, axis: { format: 'd' } },
            y: { field: 'exports', type: 'quantitative', title: 'Exports (units)', ...y },
          },
        },
      });
    const files = (spec: string) => ({ 'data/trend.csv': trend, 'specs/exports.vl.json': spec });
    expect(await findings('zero-baseline', files(overYears({})))).toEqual([]);
    const cut = overYears({ scale: { zero: false } });
    expect(await findings('zero-baseline', files(cut))).toEqual([
      `${where('specs/exports.vl.json', cut, '"zero"', 1)}: warning: area chart whose y axis does not start at zero ("zero": false): bar and area lengths then mislead; let the scale include 0`,
    ]);
    const histogram = barSpec({
      file: 'data/trend.csv',
      extra: {
        height: 200,
        encoding: {
          x: { field: 'exports', bin: true, type: 'quantitative', title: 'Exports (units)', scale: { zero: false } },
          y: { aggregate: 'count', type: 'quantitative', title: 'Number of years' },
        },
      },
    });
    expect(await findings('zero-baseline', files(histogram))).toEqual([]);
  });
});
