// A Reuters/FT review of the example's French snippets: their data tables
// were headed by the CSVs' English column names ("use", "supplies", "for",
// "iso"). The committed output/ (equal to a fresh build: tests/output.test.ts)
// must head every column in French and list rows as the graphic draws them.
import { readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';

const headers = (file: string) =>
  DomUtils.getElementsByTagName('thead', parseDocument(readFileSync(file, 'utf8')).children, true).map((head) =>
    DomUtils.getElementsByTagName('th', head.children, true).map((th) => DomUtils.textContent(th)),
  );

describe("the example's French snippets", () => {
  it('head every data-table column in French, with no CSV column name and no join code', () => {
    expect(headers('output/china-supplies.fr.html')).toEqual([['Biens et technologies', 'Usage', 'Note']]);
    expect(headers('output/optical-suppliers.fr.html')).toEqual([['Entreprise', 'Produits fournis', 'Destination']]);
    expect(headers('output/countries-named.fr.html')).toEqual([['Pays']]);
    expect(headers('output/microelectronics-imports.fr.html')).toEqual([['Origine', 'Part des importations (%)', 'Note']]);
  });

  it('list the rows in the order the graphic draws them (here the CSV order: every spec sorts by data order)', () => {
    const html = readFileSync('output/optical-suppliers.fr.html', 'utf8');
    const names = [...html.matchAll(/<th scope="row" dir="auto">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(names).toEqual(['Wuhan Global Sensor Technology Co', 'Wuhan Tongsheng Technology Co Ltd', 'Hikvision']);
  });
});
