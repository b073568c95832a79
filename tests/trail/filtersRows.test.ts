import { describe, expect, it } from 'vitest';
import { filtersRows } from '../../src/trail/filtersRows.js';

const T = 'data/t.csv';

describe('filtersRows', () => {
  it('a filter or sample in a view reading the table, or inherited from its parent, filters it', () => {
    expect(filtersRows({ data: { url: T }, transform: [{ filter: 'datum.x > 1' }], mark: 'bar' }, T)).toBe(true);
    expect(filtersRows({ data: { url: T }, transform: [{ sample: 10 }], mark: 'bar' }, T)).toBe(true);
    expect(filtersRows({ data: { url: T }, layer: [{ mark: 'bar' }, { transform: [{ filter: 'datum.x > 1' }], mark: 'text' }] }, T)).toBe(true);
    expect(filtersRows({ data: { url: T }, transform: [{ calculate: '1', as: 'one' }], mark: 'bar' }, T)).toBe(false);
  });

  it('a filter on another table\'s view (a map\'s boundaries) does not; one whose data is unknown does', () => {
    const map = {
      layer: [
        { data: { url: 'citechart:world-atlas/countries-110m.json' }, transform: [{ filter: 'isValid(datum.country)' }], mark: 'geoshape' },
        { data: { url: T }, mark: 'text' },
      ],
    };
    expect(filtersRows(map, T)).toBe(false);
    expect(filtersRows({ transform: [{ filter: 'true' }], layer: [{ data: { url: T }, mark: 'bar' }] }, T)).toBe(true);
  });
});
