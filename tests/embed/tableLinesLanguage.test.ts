// Every word citechart itself writes into a snippet's data table is in the
// edition's language (review, h9): the lines under a capped or summarised
// table were English in a French edition ("The first 1,000 of 1,001 rows
// drawn are listed.", "These 2 rows summarise 10,000,000 rows of data."),
// and a one-row summary said "These 1 rows".
import { describe, expect, test } from 'vitest';
import { drawnTables } from '../../src/embed/drawnTables.js';
import { readLocale } from '../../src/locale/readLocale.js';
import { LIMITS } from '../../src/limits.js';
import type { CitedRow, CitedTable, Source } from '../../src/model.js';

const source = { id: 's', publisher: 'Reuters', authors: [], title: 'T', published: '2024', url: '', attribution: '', language: '', translator: '', accessed: '' } as Source;
const sources = new Map([['s', source]]);

function origins(count: number, summary?: CitedTable['summary']) {
  const rows: CitedRow[] = Array.from({ length: count }, (_, index) => ({
    index, line: index + 2, values: Object.assign(Object.create(null), { pays: `P${index}` }), positions: Object.create(null),
    sources: ['s'], quote: '', note: '', derived: '',
  }));
  const table = { file: 'data/t.csv', columns: ['pays'], rows, ...(summary && { summary }) } as unknown as CitedTable;
  return rows.map((row) => ({ table, row }));
}

describe("the lines under a snippet's data table", () => {
  test('a capped table, in French: French words and a French thousands separator', () => {
    const [table] = drawnTables(origins(LIMITS.snippetTableRows + 1), sources, undefined, readLocale('fr'));
    expect(table!.rows).toHaveLength(LIMITS.snippetTableRows);
    expect(table!.lines).toEqual(['Lignes présentées : les 1\u00a0000 premières sur 1\u00a0001.']);
  });

  test('a capped table, in English', () => {
    const [table] = drawnTables(origins(LIMITS.snippetTableRows + 1), sources, undefined, readLocale());
    expect(table!.lines).toEqual(['Rows listed: the first 1,000 of 1,001.']);
  });

  test('a big table summarised by one row, in English and in German', () => {
    const summary = { rowsKept: 10_000_000 } as CitedTable['summary'];
    expect(drawnTables(origins(1, summary), sources, undefined, readLocale())[0]!.lines).toEqual(['Rows of data summarised: 10,000,000.']);
    expect(drawnTables(origins(1, summary), sources, undefined, readLocale('de'))[0]!.lines).toEqual(['Zusammengefasste Datenzeilen: 10.000.000.']);
  });
});
