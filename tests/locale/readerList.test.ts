// Lists a reader reads end with "and" in the chart's language (review, h9):
// the example chart china-supplies drew "Missiles, tanks, aircraft" (a
// join with ', '), and authors, alt-text publishers and no-data regions
// were joined the same way, in French editions too.
import { describe, expect, test, vi } from 'vitest';
import { readerList } from '../../src/locale/readerList.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { LANGUAGE_SIGNAL } from '../../src/locale/listExpression.js';
import { citeSource } from '../../src/provenance/citeSource.js';
import { noDataSentence } from '../../src/geo/noDataAltText.js';
import { vega } from '../../src/vegaBuilds.js';
import type { Source } from '../../src/model.js';

describe('readerList (Intl.ListFormat)', () => {
  test.each([
    ['', ['Missiles', 'tanks', 'aircraft'], 'Missiles, tanks and aircraft'],
    ['en', ['A', 'B'], 'A and B'],
    ['en-US', ['A', 'B', 'C'], 'A, B, and C'],
    ['fr', ['missiles', 'chars', 'avions'], 'missiles, chars et avions'],
    ['fr-CA', ['A', 'B', 'C'], 'A, B et C'],
    ['de', ['A', 'B', 'C'], 'A, B und C'],
    ['', ['A'], 'A'],
    ['', [], ''],
  ])('in %j, %j is %j', (tag, items, written) => expect(readerList(items, tag)).toBe(written));

  test('a list of none or one asks no Intl.ListFormat (its first use loads ICU data: ≈11 ms of a one-chart build)', () => {
    const made = vi.spyOn(Intl, 'ListFormat');
    try {
      expect(readerList(['Reuters'], 'pt-BR')).toBe('Reuters');
      expect(readerList([], 'pt-BR')).toBe('');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});

/** The values `joinList(datum.items)` writes in a Vega view, with the chart's language signal when `tag` is given. */
async function joinListed(items: unknown[], tag?: string): Promise<string> {
  const spec = {
    ...(tag && { signals: [{ name: LANGUAGE_SIGNAL, value: tag }] }),
    data: [{ name: 't', values: [{ items }], transform: [{ type: 'formula', expr: 'joinList(datum.items)', as: 'listed' }] }],
  };
  const view = new vega.View(vega.parse(spec as never), { renderer: 'none' });
  await view.runAsync();
  const listed = (view.data('t') as Array<{ listed: string }>)[0]!.listed;
  view.finalize();
  return listed;
}

describe('joinList(array) in a spec expression', () => {
  test("writes the chart's language, from its signal", async () => {
    expect(await joinListed(['Missiles', 'tanks', 'aircraft'])).toBe('Missiles, tanks and aircraft');
    expect(await joinListed(['Missiles', 'chars', 'avions'], 'fr')).toBe('Missiles, chars et avions');
  });
  test('leaves out empty items, and writes a value that is not an array as text', async () => {
    expect(await joinListed(['a', null, '', 'b'])).toBe('a and b');
    expect(await joinListed('x' as never)).toBe('x');
  });
});

describe('lists citechart writes', () => {
  const source = { id: 's', publisher: 'Reuters', authors: ['Steve Holland', 'Susan Heavey'], title: '', published: '2024', url: '', attribution: '', language: '', translator: '', accessed: '' } as Source;
  test("a source's authors", () => {
    expect(citeSource(source)).toBe('Reuters (Steve Holland and Susan Heavey), 2024');
    expect(citeSource(source, readLocale('fr')).replace(/[\u2068\u2069]/g, '')).toBe('Reuters (Steve Holland et Susan Heavey), 2024');
  });
  test("a map's regions with no data, all named; cut short with …", () => {
    expect(noDataSentence(['Chad', 'Niger', 'Mali'], readLocale())).toBe('No data: 3 regions (Chad, Niger and Mali).');
    expect(noDataSentence(['Tchad', 'Niger', 'Mali'], readLocale('fr'))).toBe('Sans données\u202f: 3 régions (Tchad, Niger et Mali).');
    const many = Array.from({ length: 12 }, (_, i) => `R${i}`);
    expect(noDataSentence(many, readLocale())).toMatch(/\(R0, R1, .*R9, …\)\.$/);
  });
});
