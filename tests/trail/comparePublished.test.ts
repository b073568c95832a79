import { describe, expect, it } from 'vitest';
import { chartCorrections, covers } from '../../src/trail/checkPublished.js';
import { comparePublished } from '../../src/trail/comparePublished.js';
import type { TableTrail } from '../../src/trail/drawnTrail.js';
import type { Correction } from '../../src/trail/readCorrections.js';

const trail = (rows: TableTrail['rows'], file = 'data/t.csv'): TableTrail => ({
  file, key: ['c'], columns: ['c', 'v', 'source', 'quote', 'note', 'derived'], count: rows!.length, digest: 'd', rows,
});
const correction = (fields: Partial<Correction>): Correction => ({ date: '2024-05-02', chart: '', table: '', row: '', what: 'w', why: '', source: '', line: 2, ...fields });

describe('comparePublished', () => {
  it('names each changed value cell, each row no longer drawn and each newly drawn; quotes and notes are not figures', () => {
    const before = trail([['a', 'a', 1, 's', 'q', '', ''], ['b', 'b', 2, 's', '', '', ''], ['c', 'c', 3, 's', '', '', '']]);
    const after = trail([['a', 'a', 1, 's', 'q fixed', 'a note', ''], ['b', 'b', 5, 's', '', '', ''], ['d', 'd', 4, 's', '', '', '']]);
    expect(comparePublished([before], [after])).toEqual([
      { kind: 'changed', table: 'data/t.csv', key: 'b', column: 'v', old: 2, now: 5 },
      { kind: 'removed', table: 'data/t.csv', key: 'c' },
      { kind: 'added', table: 'data/t.csv', key: 'd' },
    ]);
    expect(comparePublished([before], [before])).toEqual([]);
  });

  it('a table no longer drawn removes its rows; sources.csv is never a figure', () => {
    const sources = { ...trail([['s', 'Pub']], 'data/sources.csv'), columns: ['publisher'] };
    expect(comparePublished([trail([['a', 'a', 1, 's', '', '', '']]), sources], [])).toEqual([{ kind: 'removed', table: 'data/t.csv', key: 'a' }]);
  });
});

describe('covers and chartCorrections', () => {
  const change = { kind: 'changed', table: 'data/t.csv', key: 'b', column: 'v', old: 2, now: 5 } as const;
  it('a correction covers a change when each field it gives matches', () => {
    expect(covers(correction({ table: 'data/t.csv', row: 'b' }), 'chart', change)).toBe(true);
    expect(covers(correction({ chart: 'chart' }), 'chart', change)).toBe(true);
    expect(covers(correction({ table: 'data/t.csv' }), 'chart', change)).toBe(true);
    expect(covers(correction({ table: 'data/t.csv', row: 'a' }), 'chart', change)).toBe(false);
    expect(covers(correction({ chart: 'other', table: 'data/t.csv', row: 'b' }), 'chart', change)).toBe(false);
    expect(covers(correction({ table: 'data/u.csv', row: 'b' }), 'chart', change)).toBe(false);
  });

  it('shows the corrections naming the chart or a row it draws, by date then line', () => {
    const log = [
      correction({ date: '2024-06-01', chart: 'chart', line: 2 }),
      correction({ date: '2024-05-01', table: 'data/t.csv', row: 'a', line: 3 }),
      correction({ table: 'data/t.csv', row: 'zz', line: 4 }),
      correction({ chart: 'other', line: 5 }),
    ];
    const shown = chartCorrections('chart', log, [{ table: 'data/t.csv', keys: ['a', 'b'] }], []);
    expect(shown.map((c) => c.line)).toEqual([3, 2]);
    // A row no longer drawn is shown when its correction covers the change.
    const removed = chartCorrections('chart', log, [{ table: 'data/t.csv', keys: ['a'] }], [{ kind: 'removed', table: 'data/t.csv', key: 'zz' }]);
    expect(removed.map((c) => c.line)).toEqual([3, 4, 2]);
  });
});
