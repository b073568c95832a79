// A time axis without a format of its own: Vega's default labels put the
// month first ("janv. 07") in every language; an edition in a language that
// writes the day first gets its order ("7 janv."), English stays as it was.
import { describe, expect, it } from 'vitest';
import { dayMonthSpecifier } from '../../src/locale/dayMonthOrder.js';
import { openProject } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { makeProject, THEME } from '../helpers/fixtureProject.js';

const SOURCES = 'id,publisher,authors,title,published,url,attribution\nstats,Statistics Office,Ana Diaz,Daily widgets,2024-03,https://example.org/w,customs records\n';

/** 40 days from 1 January 2024: at 480 px Vega ticks every other day, 7 January (a Sunday) labelled with its month. */
function dailyCsv(): string {
  let csv = 'day,count,source\n';
  for (let i = 0; i < 40; i++) csv += `${new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10)},${10 + (i % 7)},stats\n`;
  return csv;
}

function dailyLine(axis: Record<string, unknown> = {}): string {
  return JSON.stringify({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Daily widgets',
    data: { url: 'data/daily.csv' },
    width: 480,
    height: 200,
    mark: 'line',
    encoding: {
      x: { field: 'day', type: 'temporal', title: null, axis },
      y: { field: 'count', type: 'quantitative', title: 'Widgets' },
    },
    usermeta: { citechart: { credit: 'Graphic: Test' } },
  }, null, 2) + '\n';
}

const translation = (strings: Record<string, string>) => JSON.stringify({ strings: { Widgets: 'Widgets', 'customs records': strings.records!, ...strings } }, null, 2);

async function axisLabels(spec: string, name: string): Promise<string[]> {
  const cwd = makeProject({
    'data/sources.csv': SOURCES,
    'data/daily.csv': dailyCsv(),
    'specs/theme.json': JSON.stringify(THEME),
    'specs/daily.vl.json': spec,
    'specs/daily.fr.json': translation({ 'Daily widgets': 'Widgets par jour', 'Graphic: Test': 'Graphique : Test', day: 'jour', records: 'registres douaniers' }),
    'specs/daily.de.json': translation({ 'Daily widgets': 'Widgets pro Tag', 'Graphic: Test': 'Grafik: Test', day: 'Tag', records: 'Zollunterlagen' }),
  });
  const { chart, diagnostics } = await renderChart(await openProject(cwd), name);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return [...chart!.svg.matchAll(/<text[^>]*>([^<]*)</g)].map((match) => match[1]!);
}

describe('day-and-month labels of a time axis in the edition\'s order', () => {
  it('reads the order from CLDR (Intl): day first in French, German, Russian, Portuguese; month first in English and Chinese', () => {
    expect(dayMonthSpecifier('fr')).toBe('%-d %b');
    expect(dayMonthSpecifier('de-CH')).toBe('%-d. %b');
    expect(dayMonthSpecifier('ru')).toBe('%-d %b');
    expect(dayMonthSpecifier('pt')).toBe('%-d de %b');
    expect(dayMonthSpecifier('en-GB')).toBe('%-d %b');
    expect(dayMonthSpecifier('en')).toBeUndefined();
    expect(dayMonthSpecifier('zh')).toBeUndefined();
  });

  it('a French edition of a daily line writes "7 janv.", a German one "7. Jan"; the English chart keeps Vega\'s "Jan 07"', async () => {
    const french = await axisLabels(dailyLine(), 'daily.fr');
    expect(french).toContain('7 janv.');
    expect(french).not.toContain('janv. 07');
    // Only the day-and-month label changes: the year and weekday labels are Vega's own.
    expect(french).toContain('2024');
    expect(french).toContain('mer. 03');
    expect(await axisLabels(dailyLine(), 'daily.de')).toContain('7. Jan');
    expect(await axisLabels(dailyLine(), 'daily')).toContain('Jan 07');
  });

  it('leaves an axis the spec formats itself as it is', async () => {
    const french = await axisLabels(dailyLine({ format: '%b %d' }), 'daily.fr');
    expect(french).toContain('janv. 07');
    expect(french).not.toContain('7 janv.');
  });
});
