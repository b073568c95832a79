// An edition's month names are CLDR's (Intl), in the form their company
// asks: Russian "февраль" for a bare month and "9 мая" beside a day (d3's
// file has the genitive only: "февраля" alone), German "März" and "Feb."
// (d3 "Mrz", "Feb"), Italian and Portuguese lower-case ("febbraio", d3
// "Febbraio"). The default locale and an author's own config.locale keep theirs.
import { describe, expect, it } from 'vitest';
import { contextFormatting, monthContext, monthNames } from '../../src/locale/monthNames.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { axisLabelsOf, drawSeries } from '../helpers/editionChart.js';
import type { TimeLocaleDefinition } from 'd3-time-format';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MAY_9 = new Date(Date.UTC(2024, 4, 9));

describe('monthContext: the company a specifier gives its month', () => {
  it('is a day beside %d or %e, a year beside %Y without a day, else alone', () => {
    expect(monthContext('%-d %b')).toBe('day');
    expect(monthContext('%e %B %Y')).toBe('day');
    expect(monthContext('%b %Y')).toBe('year');
    expect(monthContext('%B')).toBe('alone');
    expect(monthContext('%b')).toBe('alone');
  });
});

describe('monthNames: CLDR\'s names by context', () => {
  it('gives Russian its nominative alone and with a year, its genitive beside a day', () => {
    expect(monthNames('ru', 'alone').months[1]).toBe('февраль');
    expect(monthNames('ru', 'day').months[1]).toBe('февраля');
    expect(monthNames('ru', 'year').shortMonths[4]).toBe('май');
    expect(monthNames('ru', 'day').shortMonths[4]).toBe('мая');
  });

  it('gives German "März" and "Feb.", Italian and Portuguese lower case', () => {
    expect(monthNames('de', 'day').shortMonths.slice(0, 3)).toEqual(['Jan.', 'Feb.', 'März']);
    expect(monthNames('it', 'alone').months[1]).toBe('febbraio');
    expect(monthNames('pt', 'day').shortMonths[1]).toBe('fev.');
  });

  it('never names a month with a bare number where the language writes it in digits: the standalone name stands in', () => {
    // Intl writes zh "2月8日" and pt-PT "08/02": an author's "%-d %b" still gets a name.
    expect(monthNames('zh', 'day').shortMonths[1]).toBe('2月');
    expect(monthNames('pt-PT', 'day').shortMonths[1]).toBe('fev.');
    expect(monthNames('pt-PT', 'year').months[1]).toBe('fevereiro');
  });

  it('formats each specifier with its context\'s names', () => {
    const ru = contextFormatting('ru', require('d3-time-format/locale/ru-RU') as TimeLocaleDefinition);
    expect(ru.utcFormat('%B')(MAY_9)).toBe('май');
    expect(ru.utcFormat('%-d %B')(MAY_9)).toBe('9 мая');
    expect(readLocale('ru').formatDate('%-d %B %Y', MAY_9)).toBe('9 мая 2024');
    expect(readLocale('ru').formatDate('%B %Y', MAY_9)).toBe('май 2024');
  });
});

// A year of months: one tick a month at 480 px.
const MONTHLY = 'month,count,source\n' + Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}-01,${10 + i},stats\n`).join('');
const DAILY = 'month,count,source\n' + Array.from({ length: 12 }, (_, i) => `2024-03-${String(i + 2).padStart(2, '0')},${10 + i},stats\n`).join('');

function spec(config?: Record<string, unknown>): string {
  return JSON.stringify({
    title: 'Widgets',
    data: { url: 'data/series.csv' },
    width: 480,
    height: 200,
    mark: 'line',
    encoding: { x: { field: 'month', type: 'temporal', title: null }, y: { field: 'count', type: 'quantitative', title: 'Widgets' } },
    usermeta: { citechart: { credit: 'Graphic: Test' } },
    ...(config && { config }),
  }, null, 2) + '\n';
}

const STRINGS = { Widgets: 'W', 'Graphic: Test': 'G: Test', month: 'M', count: 'N', 'customs records': 'Z' };

/** The x axis' labels of the chart `name` (`series.ru`, `series.de`, `series.it`). */
async function axisLabels(csv: string, vegaLite: string, name: string): Promise<string[]> {
  return axisLabelsOf(await drawSeries(csv, vegaLite, name, { ru: STRINGS, de: STRINGS, it: STRINGS }));
}

describe('whole charts', () => {
  it('fault 3: a monthly axis names a bare month in CLDR\'s standalone form, a daily one beside its day in the format form', async () => {
    const russian = await axisLabels(MONTHLY, spec(), 'series.ru');
    expect(russian).toContain('февраль');
    expect(russian).not.toContain('февраля');
    expect(await axisLabels(MONTHLY, spec(), 'series.it')).toContain('febbraio');
    const german = await axisLabels(DAILY, spec(), 'series.de');
    expect(german).toContain('9. März');
    expect(german.join(' ')).not.toContain('Mrz');
    // An author's own locale names its months.
    const own = { locale: { time: { ...require('d3-time-format/locale/ru-RU'), months: Array(12).fill('M') } } };
    expect(await axisLabels(MONTHLY, spec(own), 'series.ru')).toContain('M');
  });
});
