import { describe, expect, it } from 'vitest';
import { proposeMap } from '../../src/geo/proposeMap.js';
import { tableOfColumns } from '../helpers/citedTable.js';

const table = tableOfColumns;

const layers = (body: Record<string, unknown>) => body.layer as Array<Record<string, unknown>>;

describe('proposeMap (citechart new)', () => {
  it('proposes a world choropleth for a column of country names or codes and a number column', async () => {
    const chart = await proposeMap('/nonexistent', table({ land: ['China', 'RUS', '840', 'fr', 'Brazil'], share: [1, 2, 3, 4, 5] }), 'data/t.csv');
    expect(chart?.kind).toBe('choropleth map');
    const [noData, joined] = layers(chart!.body);
    expect(noData!.data).toEqual({ url: 'citechart:world-atlas/countries-110m.json', format: { type: 'topojson', feature: 'countries' } });
    expect(joined!.transform).toEqual([
      { lookup: 'id', from: { data: { url: 'data/t.csv' }, key: 'land', fields: ['share'] } },
      { filter: 'isValid(datum["share"])' },
    ]);
    expect((joined!.encoding as Record<string, { scale: unknown }>).color!.scale).toEqual({ type: 'quantize', scheme: 'blues' });
  });

  it('proposes a US states map for a column of state names', async () => {
    const chart = await proposeMap('/nonexistent', table({ state: ['Texas', 'Ohio', 'Maine', 'Iowa', '06'], rate: [1, 2, 3, 4, 5] }), 'data/t.csv');
    expect((layers(chart!.body)[0]!.data as { url: string }).url).toBe('citechart:us-atlas/states-10m.json');
  });

  it('proposes none for fewer than five regions: bars read better', async () => {
    expect(await proposeMap('/nonexistent', table({ country: ['Norway', 'Chile', 'Japan', 'Kenya'], exports: [1, 2, 3, 4] }), 'data/t.csv')).toBeUndefined();
  });

  it('proposes none when one cell is not a country ("All other origins") or there is no number', async () => {
    expect(await proposeMap('/nonexistent', table({ origin: ['China', 'Russia', 'India', 'Brazil', 'All other origins'], share: [90, 1, 2, 3, 4] }), 'data/t.csv')).toBeUndefined();
    expect(await proposeMap('/nonexistent', table({ country: ['China', 'Russia', 'India', 'Brazil', 'Chile'], note: ['a', 'b', 'c', 'd', 'e'] }), 'data/t.csv')).toBeUndefined();
  });
});
