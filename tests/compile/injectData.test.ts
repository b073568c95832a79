import { describe, expect, it } from 'vitest';
import { injectData, ROW_ID_FIELD } from '../../src/compile/injectData.js';
import type { CitedTable } from '../../src/model.js';

// Issue 15: the rows given to Vega are built key by key from the null-prototype cells instead of spread from them;
// they must be the same rows, key order and a `__proto__` column included.
describe('injectData', () => {
  const cells = (entries: Array<[string, string | number | null]>) => {
    const values = Object.create(null) as Record<string, string | number | null>;
    for (const [key, value] of entries) values[key] = value;
    return values;
  };
  const values = cells([['name', 'a'], ['2019', 5], ['__proto__', 'x'], ['source', 'own'], ['1990', 1]]);
  const table: CitedTable = {
    file: 'data/t.csv',
    columns: ['name', '2019', '__proto__', 'source', '1990'],
    types: { name: 'string', '2019': 'number', __proto__: 'string', source: 'string', '1990': 'number' } as CitedTable['types'],
    rows: [{ index: 0, line: 2, values, sources: ['s1', 's2'], quote: 'q', note: 'n', derived: '' }],
  };

  it('gives Vega plain rows with the cells in the order a spread gives, a __proto__ column as an own key', () => {
    const { spec } = injectData({ data: { url: 'data/t.csv' } }, [{ file: 'data/t.csv', jsonPath: ['data'] }] as never, new Map([['data/t.csv', table]]));
    const [row] = (spec.data as { values: Array<Record<string, unknown>> }).values;
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.keys(row!)).toEqual([...Object.keys({ ...values }), 'quote', 'note', 'derived', ROW_ID_FIELD]);
    expect(Object.hasOwn(row!, '__proto__')).toBe(true);
    expect(row!['__proto__']).toBe('x');
    // A cell the row already has keeps its place; citechart's own fields overwrite it, as before.
    expect(row!.source).toBe('s1; s2');
    expect(row![ROW_ID_FIELD]).toBe(0);
  });
});

// Issue 15: a table drawn by many charts has each row's injected fields made once, not once per chart,
// and each chart still gets rows of its own (a map writes its region codes on them: src/geo).
describe('injectData, a table drawn by two charts', () => {
  let joins = 0;
  const sources = Object.assign(['s1', 's2'], {
    join(this: string[], separator?: string) {
      joins += 1;
      return Array.prototype.join.call(this, separator);
    },
  });
  const values = Object.assign(Object.create(null) as Record<string, string | number | null>, { year: 2019, people: 5 });
  const table: CitedTable = {
    file: 'data/t.csv',
    columns: ['year', 'people'],
    types: Object.assign(Object.create(null), { year: 'number', people: 'number' }) as CitedTable['types'],
    rows: [{ index: 0, line: 2, values, sources, quote: '', note: '', derived: '' }],
  };
  const inject = (years: Set<string>) => {
    const { spec } = injectData({ data: { url: 'data/t.csv' } }, [{ file: 'data/t.csv', jsonPath: ['data'] }] as never, new Map([['data/t.csv', table]]), years);
    return (spec.data as { values: Array<Record<string, unknown>> }).values[0]!;
  };

  it('joins the sources once and gives each chart its own copy, year strings only where asked', () => {
    const first = inject(new Set(['year']));
    first.region = 'FRA';
    const second = inject(new Set());
    expect(joins).toBe(1);
    expect(second).not.toBe(first);
    expect(first.year).toBe('2019');
    expect(second).toEqual({ year: 2019, people: 5, source: 's1; s2', quote: '', note: '', derived: '', [ROW_ID_FIELD]: 0 });
    expect(Object.keys(second)).toEqual(['year', 'people', 'source', 'quote', 'note', 'derived', ROW_ID_FIELD]);
  });
});
