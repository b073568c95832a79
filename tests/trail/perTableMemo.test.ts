// Issue 15 (per-chart CPU): a project's table is read once and drawn by many
// charts, so its row keys and its whole-table trail digest are made once per
// table object; a table given other rows or columns gets fresh ones.
import { describe, expect, it } from 'vitest';
import type { CitedRow, CitedTable } from '../../src/model.js';
import { MAX_RECORDED_ROWS, tableTrail } from '../../src/trail/drawnTrail.js';
import { rowKeys } from '../../src/trail/rowKeys.js';

function row(index: number, values: Record<string, string | number>): CitedRow {
  return { index, line: index + 2, values: Object.assign(Object.create(null), values), positions: Object.create(null), sources: ['s'], quote: '', note: '', derived: '' };
}

function table(count: number, value = (i: number) => i): CitedTable {
  const rows = Array.from({ length: count }, (_, i) => row(i, { id: `r${i}`, v: value(i) }));
  return { file: 'data/t.csv', columns: ['id', 'v'], types: Object.create(null), rows };
}

describe('row keys per table', () => {
  it('gives the same list to every chart drawing the table', () => {
    const t = table(3);
    expect(rowKeys(t)).toBe(rowKeys(t));
    expect(rowKeys(t)).toEqual(['r0', 'r1', 'r2']);
  });

  it('makes them again for a table given other rows, columns or a key', () => {
    const t = table(2);
    const before = rowKeys(t);
    t.rows = t.rows.concat([row(2, { id: 'r0', v: 9 })]);
    expect(rowKeys(t)).toEqual(['r0', 'r1', 'r0#2']);
    t.columns = ['v', 'id'];
    expect(rowKeys(t)).toEqual(['0', '1', '9']);
    t.primaryKey = ['id', 'v'];
    expect(rowKeys(t)).toEqual(['r0|0', 'r1|1', 'r0|9']);
    expect(before).toEqual(['r0', 'r1']);
  });
});

describe('whole-table digest per table', () => {
  it('is the digest of the table as it is: the same for the same rows, another once the rows change', () => {
    const t = table(MAX_RECORDED_ROWS + 1);
    const first = tableTrail(t, t.rows);
    expect(first.whole).toBe(true);
    expect(tableTrail(t, t.rows.slice(0, MAX_RECORDED_ROWS + 1)).digest).toBe(first.digest);
    // The same rows read again into a new table object: the same digest, computed afresh.
    const same = table(MAX_RECORDED_ROWS + 1);
    expect(tableTrail(same, same.rows).digest).toBe(first.digest);
    // Another value in one row: another digest, for a new table object and for the same one given new rows.
    const edited = table(MAX_RECORDED_ROWS + 1, (i) => (i === 7 ? 70 : i));
    expect(tableTrail(edited, edited.rows).digest).not.toBe(first.digest);
    t.rows = edited.rows;
    expect(tableTrail(t, t.rows).digest).toBe(tableTrail(edited, edited.rows).digest);
  });
});
