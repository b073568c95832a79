// The snippet of one language edition links to the chart's other editions
// (issue 12: "The snippet for one language can link to its other editions").
import { DomUtils, parseDocument } from 'htmlparser2';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { embedHtml } from '../../src/embed/embedHtml.js';
import { editionLinks } from '../../src/locale/editionLinks.js';
import { hostileFacts, TINY_SVG } from '../embed/hostile.js';
import { makeProject, readText } from '../helpers/fixtureProject.js';

const links = (html: string) =>
  DomUtils.getElementsByTagName('a', parseDocument(html).children, true)
    .filter((a) => a.attribs.hreflang !== undefined)
    .map((a) => ({ href: a.attribs.href, hreflang: a.attribs.hreflang, lang: a.attribs.lang, text: DomUtils.textContent(a) }));
const editionsLine = (html: string) => /<p class="[^"]*-editions">(.*?)<\/p>/.exec(html)?.[1];

describe('editionLinks', () => {
  const names = ['a', 'a.de', 'a.fr', 'a.fr-CA', 'ab', 'ab.fr', 'b'];

  it('lists the other editions of the same chart, each named in its own language', () => {
    expect(editionLinks('a', names, '')).toEqual([
      { file: 'a.de.html', tag: 'de', label: 'Deutsch' },
      { file: 'a.fr.html', tag: 'fr', label: 'Français' },
      { file: 'a.fr-CA.html', tag: 'fr-CA', label: 'Français canadien' },
    ]);
    expect(editionLinks('a.fr', names, '').map((link) => [link.file, link.label])).toEqual([
      ['a.html', 'English'], ['a.de.html', 'Deutsch'], ['a.fr-CA.html', 'Français canadien'],
    ]);
  });

  it('names the original in its own locale when it has one, and finds nothing for a chart without editions', () => {
    expect(editionLinks('ab.fr', names, 'es')).toEqual([{ file: 'ab.html', tag: 'es', label: 'Español' }]);
    expect(editionLinks('b', names, '')).toEqual([]);
  });
});

describe('the snippet\'s "Other languages" line', () => {
  it('escapes and percent-encodes what it writes', () => {
    const facts = { ...hostileFacts(), editions: { lead: 'Other languages:', separator: ', ', links: [{ file: 'x"><script>#?.fr.html', tag: 'fr"x', label: '<b>Fr</b>' }] } };
    const html = embedHtml(facts, [{ width: 200, svg: TINY_SVG('a') }], undefined);
    expect(links(html)).toEqual([{ href: 'x%22%3E%3Cscript%3E%23%3F.fr.html', hreflang: 'fr"x', lang: 'fr"x', text: '<b>Fr</b>' }]);
    expect(html).not.toContain('<b>Fr');
  });

  it('is not there for a chart with no other edition', () => {
    expect(embedHtml(hostileFacts(), [{ width: 200, svg: TINY_SVG('a') }], undefined)).not.toContain('-editions');
  });

  it('links an original and its editions both ways, in each one\'s words, and a new translation file rebuilds the original\'s snippet', async () => {
    const dir = makeProject({
      'data/sources.csv': 'id,publisher,authors,title,published,url,attribution\ns,Insee,,T,2024,https://example.org,\n',
      'data/t.csv': 'label,value,source\nA,1,s\n',
      'specs/t.vl.json': JSON.stringify({ title: 'Title', data: { url: 'data/t.csv' }, mark: 'bar', encoding: { x: { field: 'value', type: 'quantitative', title: 'Value' }, y: { field: 'label', type: 'nominal', title: 'Label' } } }),
      'specs/t.fr.json': JSON.stringify({ strings: { Title: 'Titre', Value: 'Valeur', Label: 'Étiquette' }, values: { A: 'A' } }),
    });
    const first = await build({ cwd: dir, formats: ['svg', 'html'] });
    expect(first.charts.filter((c) => !c.ok).flatMap((c) => c.diagnostics.map((d) => d.message))).toEqual([]);
    const english = readText(dir, 'output/t.html');
    const french = readText(dir, 'output/t.fr.html');
    expect(editionsLine(english)).toMatch(/^Other languages: <a /);
    expect(links(english)).toEqual([{ href: 't.fr.html', hreflang: 'fr', lang: 'fr', text: 'Français' }]);
    expect(editionsLine(french)).toMatch(/^Autres langues\u202f: <a /);
    expect(links(french)).toEqual([{ href: 't.html', hreflang: 'en', lang: 'en', text: 'English' }]);

    writeFileSync(path.join(dir, 'specs', 't.de.json'), JSON.stringify({ strings: { Title: 'Titel', Value: 'Wert', Label: 'Bezeichnung' }, values: { A: 'A' } }));
    await build({ cwd: dir, formats: ['svg', 'html'] });
    expect(links(readText(dir, 'output/t.html')).map((link) => link.text)).toEqual(['Deutsch', 'Français']);
    expect(links(readText(dir, 'output/t.fr.html')).map((link) => link.text)).toEqual(['English', 'Deutsch']);
  }, 60_000);
});
