// Vega's view gets an edition's dates with CLDR's month names by context
// (locale/monthNames.ts) in place of its one d3 time locale; its time
// multi-format (an axis' format object) is Vega's own, copied, so where the
// names agree (French: d3's are CLDR's) every label is Vega's.
import { describe, expect, it } from 'vitest';
import { vega } from '../../src/vegaBuilds.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { formatDatesByContext } from '../../src/render/monthsByContext.js';

type Formatting = { utcFormat(spec: unknown): (date: Date) => string; timeFormat(spec: unknown): (date: Date) => string };

function view(tag: string) {
  const locale = readLocale(tag);
  return new vega.View(vega.parse({ config: { locale: locale.vega } } as never), { renderer: 'none' });
}

describe('formatDatesByContext', () => {
  it('writes every multi-format label as Vega does where the month names agree', () => {
    const french = view('fr');
    const own = french.locale() as unknown as Formatting;
    formatDatesByContext(french, readLocale('fr').dates!);
    const mine = french.locale() as unknown as Formatting;
    expect(mine).not.toBe(own);
    const specs = [{}, { day: '%-d %b', hours: '%-H h' }, { month: '%b', year: '%y' }];
    // Every 7 hours and 13 minutes for two years, and some instants off the minute, second and millisecond.
    const dates: Date[] = [];
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2025, 0, 1); t += 7 * 3_600_000 + 13 * 60_000) dates.push(new Date(t));
    dates.push(new Date(Date.UTC(2024, 2, 9, 15, 30, 12)), new Date(Date.UTC(2024, 2, 9, 15, 30, 12, 250)), new Date(Date.UTC(2024, 3, 1)), new Date(Date.UTC(2024, 0, 1)));
    for (const spec of specs) {
      const [a, b] = [mine.utcFormat(spec), own.utcFormat(spec)];
      const [c, d] = [mine.timeFormat(spec), own.timeFormat(spec)];
      for (const date of dates) {
        expect(a(date)).toBe(b(date));
        expect(c(date)).toBe(d(date));
      }
    }
    expect(mine.utcFormat('%-d %B %Y')(new Date(Date.UTC(2024, 4, 9)))).toBe('9 mai 2024');
  });

  it('names a Russian bare month in the nominative and one beside its day in the genitive', () => {
    const russian = view('ru');
    expect((russian.locale() as unknown as Formatting).utcFormat('%B')(new Date(Date.UTC(2024, 4, 1)))).toBe('мая');
    formatDatesByContext(russian, readLocale('ru').dates!);
    const mine = russian.locale() as unknown as Formatting;
    expect(mine.utcFormat('%B')(new Date(Date.UTC(2024, 4, 1)))).toBe('май');
    expect(mine.utcFormat('%-d %B')(new Date(Date.UTC(2024, 4, 9)))).toBe('9 мая');
    expect(mine.utcFormat({})(new Date(Date.UTC(2024, 4, 1)))).toBe('май');
  });
});
