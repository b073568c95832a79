// An edition writes every date a reader or screen reader gets in its
// language: the alt text (and the SVG's <desc>) as the axis writes it,
// not d3's English ("Feb 02") nor the CSV's ISO cell ("2024-02-02"); and
// text marks, tooltips and legends of a date field with no timeUnit or
// format in the language's order ("2 févr. 2024"), not Vega-Lite's
// English-shaped "%b %d, %Y" ("févr. 02, 2024"). The default locale's
// output is unchanged; an author's own format is theirs.
import { describe, expect, it } from 'vitest';
import { dateLabel } from '../../src/provenance/dateLabel.js';
import { rawTimeFormat } from '../../src/locale/dateLabels.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { THEME } from '../helpers/fixtureProject.js';
import { drawSeries } from '../helpers/editionChart.js';

const FEB_2 = new Date(Date.UTC(2024, 1, 2));

describe('dateLabel: a temporal label in the alt text', () => {
  const fr = readLocale('fr');
  it('writes an author\'s format with the locale\'s month names, and d3\'s English without a locale', () => {
    expect(dateLabel({ axis: { format: '%b %d' } }, fr)!(FEB_2, '2024-02-02')).toBe('févr. 02');
    expect(dateLabel({ format: '%B %Y' }, readLocale('de'))!(FEB_2, '2024-02-02')).toBe('Februar 2024');
    expect(dateLabel({ axis: { format: '%b %d' } }, readLocale())!(FEB_2, '2024-02-02')).toBe('Feb 02');
    expect(dateLabel({ axis: { format: '%b %d' } }, undefined)!(FEB_2, '2024-02-02')).toBe('Feb 02');
  });

  it('writes a date without a format at its timeUnit, or its cell\'s precision, in the language\'s order', () => {
    expect(dateLabel({ timeUnit: 'yearmonth' }, fr)!(FEB_2, '2024-02-01')).toBe('févr. 2024');
    expect(dateLabel({ timeUnit: { unit: 'utcmonthdate' } }, readLocale('de'))!(FEB_2, '2024-02-02')).toBe('2. Feb.');
    const raw = dateLabel({}, fr)!;
    expect(raw(FEB_2, '2024-02-02')).toBe('2 févr. 2024');
    expect(raw(FEB_2, '2024-02')).toBe('févr. 2024');
    expect(raw(FEB_2, '2024')).toBe('2024');
    expect(raw(FEB_2, '2024-02-02T15:30Z')).toBe('2 févr. 2024, 15:30');
  });

  it('keeps the cell where it cannot say more: a quarter, a cell that is no ISO date, the default locale', () => {
    expect(dateLabel({ timeUnit: 'yearquarter' }, readLocale('fr'))).toBeUndefined();
    expect(dateLabel({}, readLocale('fr'))!(FEB_2, '02/02/2024')).toBeUndefined();
    expect(dateLabel({}, readLocale())).toBeUndefined();
    expect(dateLabel({}, undefined)).toBeUndefined();
  });
});

describe('rawTimeFormat: Vega-Lite\'s config.timeFormat of an edition', () => {
  it('writes year, month and day in the language\'s order, the day unpadded', () => {
    expect(rawTimeFormat('fr')).toBe('%-d %b %Y');
    expect(rawTimeFormat('de')).toBe('%-d. %b %Y');
    expect(rawTimeFormat('en-GB')).toBe('%-d %b %Y');
  });
});

// 2–13 February 2024: one tick a day at 480 px, so an axis format of days labels no tick twice.
const DAILY = 'day,count,source\n' + Array.from({ length: 12 }, (_, i) => `2024-02-${String(i + 2).padStart(2, '0')},${10 + i},stats\n`).join('');
const MONTHLY = 'day,count,source\n' + Array.from({ length: 6 }, (_, i) => `2024-0${i + 1}-01,${10 + i},stats\n`).join('');

function spec(x: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    title: 'Widgets',
    data: { url: 'data/series.csv' },
    width: 480,
    height: 200,
    layer: [
      { mark: 'point', encoding: { x: { field: 'day', type: 'temporal', title: null, ...x }, y: { field: 'count', type: 'quantitative', title: 'Widgets' }, tooltip: { field: 'day', type: 'temporal' } } },
      {
        mark: { type: 'text', dy: -8 },
        transform: [{ filter: 'datum.count == 12' }],
        encoding: { x: { field: 'day', type: 'temporal', ...x }, y: { field: 'count', type: 'quantitative' }, text: { field: 'day', type: 'temporal', ...extra } },
      },
    ],
    usermeta: { citechart: { credit: 'Graphic: Test' } },
  }, null, 2) + '\n';
}

/** The chart `name` drawn from `csv` and `vegaLite`: its alt text (the SVG's <desc>), text marks' texts and SVG. */
async function draw(csv: string, vegaLite: string, name: string, theme: Record<string, unknown> = THEME) {
  const svg = await drawSeries(csv, vegaLite, name, {
    fr: { Widgets: 'Gadgets', 'Graphic: Test': 'Graphique : Test', day: 'jour', count: 'nombre', 'customs records': 'registres douaniers' },
    de: { Widgets: 'Geräte', 'Graphic: Test': 'Grafik: Test', day: 'Tag', count: 'Anzahl', 'customs records': 'Zollunterlagen' },
  }, theme);
  const alt = /<desc id="[^"]*-desc">([^<]*)</.exec(svg)![1]!;
  const marks = [...svg.matchAll(/<g class="mark-text role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].map((m) => m[1]!).join('');
  const texts = [...marks.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]!);
  return { alt, texts, svg };
}

describe('whole charts', () => {
  it('fault 1: an edition\'s alt text writes dates as its axis does, in its language, not d3\'s English nor the ISO cell', async () => {
    const withFormat = spec({ axis: { format: '%b %d' } });
    const french = await draw(DAILY, withFormat, 'series.fr');
    expect(french.alt).toContain('févr. 02\u202F: 10');
    expect(french.alt).not.toContain('Feb 02');
    const plain = await draw(DAILY, spec({}), 'series.de');
    expect(plain.alt).toContain('2. Feb. 2024: 10');
    expect(plain.alt).not.toContain('2024-02-02');
    const monthly = await draw(MONTHLY, spec({ timeUnit: 'yearmonth' }), 'series.fr');
    expect(monthly.alt).toContain('janv. 2024\u202F: 10');
    // The default locale is as before.
    expect((await draw(DAILY, withFormat, 'series')).alt).toContain('Feb 02: 10');
    expect((await draw(DAILY, spec({}), 'series')).alt).toContain('2024-02-02: 10');
  });

  it('fault 1: a hand-written alt text names a noted row by its date in the edition\'s language', async () => {
    const noted = DAILY.replace('day,count,source\n', 'day,count,source,note\n').replace(/,stats\n/g, ',stats,\n').replace('2024-02-05,13,stats,', '2024-02-05,13,stats,Estimate');
    const withAlt = JSON.stringify({ ...JSON.parse(spec({})), usermeta: { citechart: { credit: 'Graphic: Test', alt: 'Widgets per day.' } } });
    const svg = await drawSeries(noted, withAlt, 'series.fr', {
      fr: { Widgets: 'Gadgets', 'Graphic: Test': 'Graphique : Test', day: 'jour', count: 'nombre', 'customs records': 'registres douaniers', 'Widgets per day.': 'Gadgets par jour.', Estimate: 'Estimation' },
    });
    const alt = /<desc id="[^"]*-desc">([^<]*)</.exec(svg)![1]!;
    expect(alt).toContain('5 févr. 2024');
    expect(alt).not.toContain('2024-02-05');
  });

  it('fault 2: a text mark and tooltip of a date with no timeUnit are written in the edition\'s order, an author\'s format kept', async () => {
    expect((await draw(DAILY, spec({}), 'series.fr')).texts).toEqual(['4 févr. 2024']);
    expect((await draw(DAILY, spec({}), 'series.de')).texts).toEqual(['4. Feb. 2024']);
    // English keeps Vega-Lite's, and an author's format or theme timeFormat is theirs.
    expect((await draw(DAILY, spec({}), 'series')).texts).toEqual(['Feb 04, 2024']);
    expect((await draw(DAILY, spec({}, { format: '%d/%m' }), 'series.fr')).texts).toEqual(['04/02']);
    expect((await draw(DAILY, spec({}), 'series.fr', { ...THEME, timeFormat: '%Y-%m-%d' })).texts).toEqual(['2024-02-04']);
  });
});
