// From the break-it pass: in a project without a house theme, every chart
// `new` wrote drew its axis and legend labels at Vega-Lite's 10 px, and
// `check` warned of small text on a spec nobody had touched yet.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { scaffoldChart } from '../../src/commands/new.js';
import { readableTextConfig } from '../../src/scaffold/readableText.js';
import { makeProject, readText, SOURCES_CSV } from '../helpers/fixtureProject.js';

const LINES = 'year,country,value,source\n2020,Norway,10,stats-2024\n2021,Norway,12,stats-2024\n2020,Chile,8,stats-2024\n2021,Chile,9,stats-2024\n';

describe('new in a project without a theme', () => {
  it('writes a spec whose labels check finds readable on a phone', async () => {
    const cwd = makeProject({ 'data/sources.csv': SOURCES_CSV, 'data/lines.csv': LINES });
    expect((await scaffoldChart({ cwd, name: 'lines', data: 'data/lines.csv' })).diagnostics).toEqual([]);
    expect(JSON.parse(readText(cwd, 'specs/lines.vl.json')).config).toEqual({ axis: { labelFontSize: 11 }, legend: { labelFontSize: 11 } });
    expect((await check({ cwd })).filter((d) => d.rule === 'small-text')).toEqual([]);
  });
});

describe('readableTextConfig', () => {
  it('sets only what the house theme leaves unset', () => {
    expect(readableTextConfig({ axis: { labelFontSize: 12 }, legend: { labelFontSize: 13 } })).toEqual({});
    expect(readableTextConfig({ axis: { labelFontSize: 9 } })).toEqual({ config: { legend: { labelFontSize: 11 } } });
  });
});
