// Dates a chart labels without an author's format are written in the
// language's order, words and clock (CLDR, through Intl), in English too:
// "Feb 9" / "9 févr." / "9. Feb." on a daily axis where Vega wrote "Tue 09",
// "15 h" / "15 Uhr" / "3 PM" where it wrote "03 PM", and "2 févr. 2024"
// where Vega-Lite's timeUnit format wrote "févr. 02, 2024".
import { describe, expect, it } from 'vitest';
import type { Spec as VegaSpec } from 'vega';
import { dateSpecifier } from '../../src/locale/dateSpecifier.js';
import { axisMultiFormat, timeUnitSpecifiers } from '../../src/locale/dateLabels.js';
import { labelDates } from '../../src/compile/dateLabels.js';
import { axisLabelsOf, drawSeries } from '../helpers/editionChart.js';

/** `count` rows from `start` (UTC), one per `stepHours`, as `when,count,source` CSV (ISO dates, or date-times for a step under a day). */
function seriesCsv(start: number, count: number, stepHours: number): string {
  let csv = 'when,count,source\n';
  for (let i = 0; i < count; i++) {
    const iso = new Date(start + i * stepHours * 3_600_000).toISOString();
    csv += `${stepHours < 24 ? iso.slice(0, 16) + 'Z' : iso.slice(0, 10)},${10 + (i % 7)},stats\n`;
  }
  return csv;
}

function line(x: Record<string, unknown>): string {
  return JSON.stringify({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Widgets',
    data: { url: 'data/series.csv' },
    width: 480,
    height: 200,
    mark: 'line',
    encoding: {
      x: { field: 'when', type: 'temporal', title: null, ...x },
      y: { field: 'count', type: 'quantitative', title: 'Widgets', aggregate: 'mean' },
    },
    usermeta: { citechart: { credit: 'Graphic: Test' } },
  }, null, 2) + '\n';
}

/** The x axis' labels of the chart `name` (`series`, `series.fr`, `series.de`) drawn from `csv` and `spec`. */
async function axisLabels(csv: string, spec: string, name: string): Promise<string[]> {
  return axisLabelsOf(await drawSeries(csv, spec, name, {
    fr: { Widgets: 'Gadgets', 'Graphic: Test': 'Graphique : Test', when: 'date', count: 'nombre', 'customs records': 'registres douaniers' },
    de: { Widgets: 'Geräte', 'Graphic: Test': 'Grafik: Test', when: 'Datum', count: 'Anzahl', 'customs records': 'Zollunterlagen' },
  }));
}

const DAILY = seriesCsv(Date.UTC(2024, 1, 2), 12, 24); // 2–13 February 2024: one tick a day at 480 px
const HOURLY = seriesCsv(Date.UTC(2024, 2, 9), 30, 1); // 9 March 2024 00:00 to 10 March 05:00 UTC

describe('dateSpecifier: a label\'s d3 specifier from CLDR (Intl.DateTimeFormat)', () => {
  it('writes day and month in the language\'s order, the day unpadded', () => {
    expect(dateSpecifier('fr', ['month', 'date'])).toBe('%-d %b');
    expect(dateSpecifier('de-CH', ['month', 'date'])).toBe('%-d. %b');
    expect(dateSpecifier('pt', ['month', 'date'])).toBe('%-d de %b');
    expect(dateSpecifier('en-GB', ['month', 'date'])).toBe('%-d %b');
    expect(dateSpecifier('en-US', ['month', 'date'])).toBe('%b %-d');
    // A month Intl writes in digits stays digits.
    expect(dateSpecifier('zh', ['month', 'date'])).toBe('%-m月%-d日');
  });

  it('writes a full date with the year where the language puts it', () => {
    expect(dateSpecifier('fr', ['year', 'month', 'date'])).toBe('%-d %b %Y');
    expect(dateSpecifier('de', ['year', 'month', 'date'])).toBe('%-d. %b %Y');
    expect(dateSpecifier('en-US', ['year', 'month', 'date'])).toBe('%b %-d, %Y');
  });

  it('writes hours on the language\'s clock, unpadded, and never as a bare number', () => {
    expect(dateSpecifier('fr', ['hours'])).toBe('%-H h');
    expect(dateSpecifier('de', ['hours'])).toBe('%-H Uhr');
    // CLDR puts a narrow no-break space before AM/PM.
    expect(dateSpecifier('en-US', ['hours'])).toBe('%-I\u202F%p');
    // CLDR writes a Spanish or Russian hour alone as "15", which an axis would show as a day: with its minutes.
    expect(dateSpecifier('es', ['hours'])).toBe('%-H:%M');
    expect(dateSpecifier('ru', ['month', 'date', 'hours'])).toBe('%-d %b, %-H:%M');
    expect(dateSpecifier('fr', ['hours', 'minutes'])).toBe('%-H:%M');
  });
});

describe('dateLabels: the specifiers handed to Vega', () => {
  it('gives Vega\'s multi-format a day-and-month label for days and weeks and the clock for hours and minutes', () => {
    expect(axisMultiFormat('en-US')).toEqual({ minutes: '%-I:%M\u202F%p', hours: '%-I\u202F%p', day: '%b %-d', week: '%b %-d' });
    expect(axisMultiFormat('fr')).toEqual({ minutes: '%-H:%M', hours: '%-H h', day: '%-d %b', week: '%-d %b' });
  });

  it('gives timeUnitSpecifier the language\'s runs, a date run ending in a space as Vega\'s own', () => {
    const french = timeUnitSpecifiers('fr');
    expect(french['year-month-date']).toBe('%-d %b %Y ');
    expect(french['month-date']).toBe('%-d %b ');
    expect(french['year-month']).toBe('%b %Y ');
    expect(french['hours']).toBe('%-H h');
    expect(french['year-month-date-hours']).toBe('%-d %b %Y, %-H h');
    // A lone year, month or minute keeps Vega's.
    expect(Object.keys(french)).not.toContain('year');
    expect(Object.keys(french)).not.toContain('minutes');
  });
});

describe('labelDates: the compiled Vega spec', () => {
  const VEGA_LITE_CALL = 'timeUnitSpecifier(["year","month","date"], {"year-month":"%b %Y ","year-month-date":"%b %d, %Y "})';
  const spec = () => ({
    scales: [{ name: 'x', type: 'time' }, { name: 'y', type: 'linear' }, { name: 'u', type: 'utc' }],
    axes: [
      { scale: 'x', orient: 'bottom' },
      { scale: 'y', orient: 'left' },
      { scale: 'u', orient: 'top', format: '%b %d' },
      { scale: 'u', orient: 'bottom', format: { signal: VEGA_LITE_CALL }, formatType: 'time' },
    ],
    marks: [{ type: 'group', marks: [{ type: 'text', encode: { update: { text: { signal: `timeFormat(datum.d, ${VEGA_LITE_CALL})` } } } }] }],
    data: [{ name: 'rows', values: [{ note: VEGA_LITE_CALL }] }],
  });

  it('formats a time axis without a format, rewrites Vega-Lite\'s timeUnit calls, and leaves the rest', () => {
    const vega = spec();
    labelDates(vega as unknown as VegaSpec, 'fr');
    expect(vega.axes[0]).toEqual({ scale: 'x', orient: 'bottom', format: axisMultiFormat('fr') });
    expect(vega.axes[1]).toEqual({ scale: 'y', orient: 'left' });
    expect(vega.axes[2]!.format).toBe('%b %d');
    const call = `timeUnitSpecifier(["year","month","date"], ${JSON.stringify({ 'year-month': '%b %Y ', 'year-month-date': '%b %d, %Y ', ...timeUnitSpecifiers('fr') })})`;
    expect(vega.axes[3]!.format).toEqual({ signal: call });
    expect((vega.marks[0]!.marks![0]!.encode!.update.text as { signal: string }).signal).toBe(`timeFormat(datum.d, ${call})`);
    // Data are not walked.
    expect(vega.data[0]!.values[0]!.note).toBe(VEGA_LITE_CALL);
  });

  it('leaves a call whose arguments are not literal JSON', () => {
    const vega = { axes: [{ scale: 'x', format: { signal: 'timeUnitSpecifier([units], {a: 1})' } }], scales: [{ name: 'x', type: 'time' }] };
    labelDates(vega as unknown as VegaSpec, 'fr');
    expect(vega.axes[0]!.format).toEqual({ signal: 'timeUnitSpecifier([units], {a: 1})' });
  });
});

describe('whole charts', () => {
  it('fault 1: a French or German edition of a yearmonthdate or monthdate axis writes the day first, unpadded ("2 févr. 2024", not "févr. 02, 2024")', async () => {
    const full = line({ timeUnit: 'yearmonthdate' });
    const french = await axisLabels(DAILY, full, 'series.fr');
    expect(french).toContain('2 févr. 2024');
    expect(french.filter((label) => /^févr\./.test(label))).toEqual([]);
    // German's abbreviation is CLDR's "Feb." (monthNames.ts), not d3's "Feb".
    expect(await axisLabels(DAILY, full, 'series.de')).toContain('2. Feb. 2024');
    expect(await axisLabels(DAILY, full, 'series')).toContain('Feb 2, 2024');
    const dayMonth = line({ timeUnit: 'monthdate' });
    expect(await axisLabels(DAILY, dayMonth, 'series.fr')).toContain('9 févr.');
    expect(await axisLabels(DAILY, dayMonth, 'series.fr')).not.toContain('févr. 09');
  });

  it('fault 2: a daily axis without a format names the month at every day, in the language\'s order, in English too', async () => {
    const english = await axisLabels(DAILY, line({}), 'series');
    expect(english).toEqual(['Feb 2', 'Feb 3', 'Feb 4', 'Feb 5', 'Feb 6', 'Feb 7', 'Feb 8', 'Feb 9', 'Feb 10', 'Feb 11', 'Feb 12', 'Feb 13']);
    const french = await axisLabels(DAILY, line({}), 'series.fr');
    expect(french[0]).toBe('2 févr.');
    expect(french).toContain('9 févr.');
    expect(await axisLabels(DAILY, line({}), 'series.de')).toContain('9. Feb.');
    // An author's format is theirs.
    expect(await axisLabels(DAILY, line({ axis: { format: '%a %d' } }), 'series.fr')).toContain('ven. 09');
  });

  it('fault 3: an hourly axis uses the language\'s clock: "15 h", "15 Uhr", "3 PM" (with CLDR\'s narrow no-break space), never "03 PM" in a French chart', async () => {
    const french = await axisLabels(HOURLY, line({}), 'series.fr');
    expect(french).toEqual(['9 mars', '3 h', '6 h', '9 h', '12 h', '15 h', '18 h', '21 h', '10 mars', '3 h']);
    expect(await axisLabels(HOURLY, line({}), 'series.de')).toContain('15 Uhr');
    const english = await axisLabels(HOURLY, line({}), 'series');
    expect(english).toContain('3\u202FPM');
    expect(english).not.toContain('03\u202FPM');
    expect(english).toContain('Mar 10');
    // Vega-Lite's "hours" unit ("%H:00") in the language's clock too.
    expect(await axisLabels(HOURLY, line({ timeUnit: 'hours' }), 'series.de')).toContain('15 Uhr');
  });
});
