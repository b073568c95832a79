import { describe, expect, it } from 'vitest';
import type { CitedTable } from '../../src/model.js';
import { chooseChart } from '../../src/scaffold/chooseChart.js';
import { tableOfColumns } from '../helpers/citedTable.js';

const table = tableOfColumns;

describe('chooseChart', () => {
  it('category + number → bar sorted by value', () => {
    expect(chooseChart(table({ country: ['A', 'B'], exports: [1, 2] })).kind).toBe('bar chart sorted by value');
  });
  it('year or date + number → line, coloured by a category', () => {
    const chart = chooseChart(table({ year: [2020, 2021], country: ['A', 'A'], value: [1, 2] }));
    expect(chart.kind).toBe('line chart');
    expect(chart.body.encoding).toMatchObject({ x: { field: 'year', type: 'temporal' }, y: { field: 'value' }, color: { field: 'country' } });
    expect(chooseChart(table({ month: ['2024-01', '2024-02'], value: [1, 2] })).kind).toBe('line chart');
  });
  it('a number column that only looks like years but is not named so stays a number', () => {
    expect(chooseChart(table({ country: ['A', 'B'], population: [1200, 2500] })).kind).toBe('bar chart sorted by value');
  });
  it('two numbers → scatter; categories only → count bars; one number → strip', () => {
    expect(chooseChart(table({ price: [1, 2], volume: [3, 4] })).kind).toBe('scatter plot');
    expect(chooseChart(table({ item: ['a', 'b'], use: ['c', 'd'] })).kind).toBe('bar chart counting rows');
    expect(chooseChart(table({ price: [1, 2] })).kind).toBe('strip plot');
  });
  it('titles a column the loader read as percentages with "(%)"', () => {
    const t = { ...table({ origin: ['A', 'B'], share: [90, 10] }), columnInfo: { share: { type: 'number', percent: true } } } as CitedTable;
    expect(chooseChart(t).body.encoding).toMatchObject({ x: { field: 'share', title: 'Share (%)' } });
    expect(chooseChart(table({ origin: ['A', 'B'], share: [90, 10] })).body.encoding).toMatchObject({ x: { title: 'Share' } });
  });

  it('escapes a column name with a dot', () => {
    const chart = chooseChart(table({ country: ['A'], 'pop.2020': [5] }));
    expect(chart.body.encoding).toMatchObject({ x: { field: 'pop\\.2020' } });
  });
});
