import { describe, expect, it } from 'vitest';
import type { CitedRow, CitedTable } from '../../src/model.js';
import { MAX_RECORDED_ROWS, tableTrail } from '../../src/trail/drawnTrail.js';
import { parseTrail } from '../../src/trail/parseTrail.js';
import { duplicateKeys, rowKeys } from '../../src/trail/rowKeys.js';

function table(rows: Array<Record<string, string | number | null>>, primaryKey?: string[]): CitedTable {
  const columns = Object.keys(rows[0] ?? { item: '' });
  const cited = rows.map((values, index): CitedRow => ({
    index,
    line: index + 2,
    values: Object.assign(Object.create(null), values),
    positions: Object.create(null),
    sources: ['s'],
    quote: '',
    note: '',
    derived: '',
  }));
  return { file: 'data/t.csv', columns, types: Object.create(null), rows: cited, ...(primaryKey ? { primaryKey } : {}) };
}

describe('rowKeys', () => {
  it('keys by the first column, numbering repeats in file order so a row added never renames an earlier one', () => {
    const t = table([{ item: 'Tools', use: 'Missiles' }, { item: 'Chips', use: 'Tanks' }, { item: 'Chips', use: 'Aircraft' }]);
    expect(rowKeys(t)).toEqual(['Tools', 'Chips', 'Chips#2']);
    expect(duplicateKeys(t)).toEqual([]);
  });

  it('joins a declared composite key, and finds a declared key that repeats', () => {
    const t = table([{ item: 'Chips', use: 'Tanks' }, { item: 'Chips', use: 'Tanks' }, { item: 'Chips', use: null }], ['item', 'use']);
    expect(rowKeys(t)).toEqual(['Chips|Tanks', 'Chips|Tanks#2', 'Chips|']);
    expect(duplicateKeys(t).map((d) => [d.key, d.row.line, d.firstLine])).toEqual([['Chips|Tanks', 3, 2]]);
  });
});

describe('tableTrail', () => {
  it('records the drawn rows sorted by key, the same whatever their order or the rest of the table', () => {
    const t = table([{ c: 'b', v: 2 }, { c: 'a', v: 1 }, { c: 'z', v: 9 }]);
    const trail = tableTrail(t, [t.rows[0]!, t.rows[1]!]);
    expect(trail.rows).toEqual([['a', 'a', 1, 's', '', '', ''], ['b', 'b', 2, 's', '', '', '']]);
    expect(trail.all).toBeUndefined();
    const other = table([{ c: 'a', v: 1 }, { c: 'b', v: 2 }, { c: 'y', v: 7 }, { c: 'x', v: 0 }]);
    expect(tableTrail(other, [other.rows[1]!, other.rows[0]!]).digest).toBe(trail.digest);
    expect(tableTrail(t, t.rows).all).toBe(true);
  });

  it(`over ${MAX_RECORDED_ROWS} drawn rows records one digest of the whole table, no row`, () => {
    const big = table(Array.from({ length: MAX_RECORDED_ROWS + 1 }, (_, i) => ({ c: `r${i}`, v: i })));
    const trail = tableTrail(big, big.rows);
    expect(trail.whole).toBe(true);
    expect(trail.rows).toBeUndefined();
    expect(JSON.stringify(trail).length).toBeLessThan(600);
    const edited = table(Array.from({ length: MAX_RECORDED_ROWS + 1 }, (_, i) => ({ c: `r${i}`, v: i === 7 ? -1 : i })));
    expect(tableTrail(edited, edited.rows).digest).not.toBe(trail.digest);
  });
});

describe('parseTrail', () => {
  const good = { contentUrl: 'data/t.csv', keyColumns: ['c'], columns: ['c', 'v'], rowCount: 1, rowsDigest: 'a'.repeat(64), rows: [['x', 'x', 1]] };
  it('reads back what jsonLd writes', () => {
    expect(parseTrail(good)).toEqual({ file: 'data/t.csv', key: ['c'], columns: ['c', 'v'], count: 1, digest: 'a'.repeat(64), rows: [['x', 'x', 1]] });
  });
  it.each([
    ['a row of the wrong length', { ...good, rows: [['x', 1]] }],
    ['a cell that is an object', { ...good, rows: [['x', 'x', {}]] }],
    ['a bad digest', { ...good, rowsDigest: 'nope' }],
    ['no rows and not whole', { ...good, rows: undefined }],
  ])('refuses %s', (_, value) => expect(parseTrail(value as Record<string, unknown>)).toBeUndefined());
});
