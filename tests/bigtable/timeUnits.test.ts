// Time units in the pushdown (issue 16): each distinct date text is parsed
// once and looked up by its hash (readDistinctDates, lookUpDates), instead of
// strptime on every row. It must give exactly what the per-row parse gives,
// row for row, nulls and texts that are not dates included.
import pl from 'nodejs-polars';
import { describe, expect, it } from 'vitest';
import { distinctNotDates, lookUpDates, notDates, parseDate, readDistinctDates } from '../../src/bigtable/timeUnits.js';

const dates = ['2024-03-05', null, '2023-12-31', '2024-03-05', 'March 2024', '2024-02-30', '2024-1-05', '', '2024-03-01', null, '2023-12-31', '1999-01-01'];
const frame = () => pl.DataFrame({ row: dates.map((_, i) => i), date: pl.Series('date', dates, pl.Utf8) }).lazy();

describe('distinctNotDates', () => {
  it('lists the texts that are not dates written YYYY-MM-DD, each once, first appearance first', async () => {
    const once = (await distinctNotDates(pl, frame(), 'date').collect()).getColumn('date').toArray();
    const perRow = (await frame().filter(notDates(pl, 'date')).collect()).getColumn('date').toArray();
    expect(once).toEqual([...new Set(perRow)]);
    // polars' %m takes one digit too: 2024-1-05 is a date (as for Vega, in UTC).
    expect(once).toEqual(['March 2024', '2024-02-30', '']);
  });
});

describe('readDistinctDates and lookUpDates', () => {
  for (const every of ['1y', '1mo', '1d']) {
    it(`give per row what strptime per row gives, truncated to ${every}, nulls and bad texts included`, async () => {
      const distinct = await readDistinctDates(pl, frame(), 'date', every);
      expect(distinct?.hashes).toHaveLength(new Set(dates.filter((d) => d !== null)).size);
      const once = await frame().withColumns(lookUpDates(pl, 'date', every, distinct).alias('out')).collect();
      const perRow = await frame().withColumns(parseDate(pl, 'date', every).alias('out')).collect();
      expect(once.getColumn('out').dtype.equals(pl.Date)).toBe(true);
      expect(once.getColumn('out').toArray()).toEqual(perRow.getColumn('out').toArray());
      expect(once.getColumn('out').toArray()[1]).toBeNull();
    });
  }
});
