// The snippet's data table heads each column in the chart's language and
// leaves out the join keys a reader never sees (a Reuters/FT review of the
// French editions: "use", "supplies", "for", "iso" headed their tables).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readerColumns } from '../../src/embed/readerColumns.js';
import { translateSpec } from '../../src/locale/translateSpec.js';

const countries = JSON.parse(readFileSync('specs/countries-named.vl.json', 'utf8')) as Record<string, unknown>;

describe('readerColumns', () => {
  it("leaves out the map's iso code, a lookup key no encoding draws, and keeps the country it names", () => {
    const columns = readerColumns(countries);
    expect([...columns.hidden].filter((c) => c === 'iso' || c === 'country')).toEqual(['iso']);
    expect(columns.header('country')).toBe('Country');
  });

  it('keeps a lookup key the graphic draws (its text on a mark)', () => {
    const spec = {
      data: { url: 'data/a.csv' },
      transform: [{ lookup: 'code', from: { data: { url: 'data/b.csv' }, key: 'code', fields: ['name'] } }],
      mark: 'text',
      encoding: { text: { field: 'code' }, y: { field: 'name', type: 'nominal' } },
    };
    expect(readerColumns(spec).hidden.has('code')).toBe(false);
  });

  it("heads a column with its title as drawn, else an edition's strings translation, else nothing in an edition (the CSV name in an original)", () => {
    const spec = { mark: 'bar', encoding: { y: { field: 'item', type: 'nominal', title: 'Biens', axis: { title: null } } } };
    const edition = readerColumns(spec, new Map([['use', 'Usage'], ['item', 'Article']]));
    expect(edition.header('item')).toBe('Biens');
    expect(edition.header('use')).toBe('Usage');
    expect(edition.header('supplies')).toBeUndefined();
    expect(readerColumns(spec).header('supplies')).toBe('supplies');
  });
});

describe('translateSpec and column names', () => {
  it('translates a title equal to a column name but never the column name itself (the CSV keeps its English names)', () => {
    const spec = { transform: [{ calculate: 'datum.use', as: 'use' }], encoding: { y: { field: 'use', type: 'nominal', sort: { field: 'use' }, title: 'use' } } };
    const { vegaLite } = translateSpec(spec, { strings: new Map([['use', 'Usage']]), values: new Map() } as never);
    expect(vegaLite).toEqual({ transform: [{ calculate: 'datum.use', as: 'use' }], encoding: { y: { field: 'use', type: 'nominal', sort: { field: 'use' }, title: 'Usage' } } });
  });
});
