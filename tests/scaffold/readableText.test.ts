// From the break-it pass: in a project without a house theme, every chart
// `new` wrote drew its axis and legend labels at Vega-Lite's 10 px, and
// `check` warned of small text on a spec nobody had touched yet.
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { scaffoldChart } from '../../src/commands/new.js';
import { build } from '../../src/commands/build.js';
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

// From the second break-it pass: the first chart of a new project drew its
// last two x labels touching, "5,0005,500", one number to a reader. Compile
// now keeps every chart's axis labels apart (labelSeparation.ts), so the
// scaffolded spec no longer writes the gap itself.
describe('new: axis labels kept apart', () => {
  it('the scaffolded bar chart draws no two adjacent x labels touching', async () => {
    const cwd = makeProject({ 'data/sources.csv': SOURCES_CSV, 'data/jobs.csv': 'region,jobs_thousands,source\nNorth East,1200,stats-2024\nLondon,5400,stats-2024\nWales,1450,stats-2024\n' });
    await scaffoldChart({ cwd, name: 'jobs', data: 'data/jobs.csv' });
    await build({ cwd, formats: ['svg'] });
    // Vega hides a label its overlap check drops with opacity 0.
    const labels = [...readText(cwd, 'output/jobs.svg').matchAll(/<text([^>]*)>([\d,]+)<\/text>/g)].filter((m) => !m[1]!.includes('opacity="0"')).map((m) => m[2]);
    expect(labels).toContain('0');
    expect(labels.includes('5,000') && labels.includes('5,500')).toBe(false);
  });
});

describe('readableTextConfig', () => {
  it('sets only what the house theme leaves unset', () => {
    expect(readableTextConfig({ axis: { labelFontSize: 12, labelSeparation: 2 }, legend: { labelFontSize: 13 } })).toEqual({});
    expect(readableTextConfig({ axis: { labelFontSize: 9 } })).toEqual({ config: { legend: { labelFontSize: 11 } } });
  });
});
