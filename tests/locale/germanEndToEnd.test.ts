// A German chart, built by the CLI: the decimal comma everywhere a number is
// written (Vega's axis and labels, alt text, screen-reader table, footer
// date), and the same bytes whatever LANG / LC_ALL the machine has.
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { makeProject, readBytes, readText, THEME } from '../helpers/fixtureProject.js';

const SOURCES =
  'id,publisher,authors,title,published,url,attribution\n' +
  'destatis-2024,Statistisches Bundesamt,,Bevölkerung 2024,2024-03-15,https://example.org/destatis,\n';
const CSV = 'land,einwohner,source\nBayern,4312.5,destatis-2024\nBerlin,1234.25,destatis-2024\n';
const SPEC = {
  title: 'Einwohner nach Land',
  data: { url: 'data/laender.csv' },
  width: 360,
  height: { step: 24 },
  layer: [
    { mark: 'bar' },
    { mark: { type: 'text', align: 'left', dx: 4 }, encoding: { text: { field: 'einwohner', type: 'quantitative', format: ',.1f' } } },
  ],
  encoding: {
    y: { field: 'land', type: 'nominal', title: null },
    x: { field: 'einwohner', type: 'quantitative', title: 'Einwohner (Tausend)', axis: { format: ',.1f', values: [0, 2500.5] } },
  },
  usermeta: { citechart: { credit: 'Grafik: Test', locale: 'de' } },
};
const files = {
  'data/sources.csv': SOURCES,
  'data/laender.csv': CSV,
  'specs/laender.vl.json': JSON.stringify(SPEC, null, 2) + '\n',
  'specs/theme.json': JSON.stringify(THEME, null, 2) + '\n',
  // A French edition too: its words, its names of languages and its links to the German original must not follow LANG either.
  'specs/laender.fr.json': JSON.stringify({
    strings: { 'Einwohner nach Land': 'Habitants par Land', 'Einwohner (Tausend)': 'Habitants (milliers)', 'Grafik: Test': 'Graphique : test', land: 'Land' },
    values: { Bayern: 'Bavière', Berlin: 'Berlin' },
  }),
};

const environments = [
  { LANG: 'C', LC_ALL: 'C' },
  { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
  { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
];
let dirs: string[];
let results: CliResult[];

beforeAll(async () => {
  dirs = environments.map(() => makeProject(files));
  results = await Promise.all(environments.map((env, i) => runCli(['build'], { cwd: dirs[i]!, env: { ...env, TZ: 'UTC' } })));
}, 120_000);

describe('a German chart, end to end', () => {
  it('builds', () => {
    expect(results.map((r) => r.code), results[0]!.stderr).toEqual([0, 0, 0]);
  });

  it('links the German original and its French edition, each language named in itself', () => {
    expect(readText(dirs[0]!, 'output/laender.html')).toContain('Andere Sprachen: <a href="laender.fr.html" hreflang="fr" lang="fr">Français</a>');
    expect(readText(dirs[0]!, 'output/laender.fr.html')).toContain('Autres langues\u202f: <a href="laender.html" hreflang="de" lang="de">Deutsch</a>');
  });

  it('writes the decimal comma and the German thousands point in the axis, the labels, the alt text and the data table', () => {
    const svg = readText(dirs[0]!, 'output/laender.svg');
    const html = readText(dirs[0]!, 'output/laender.html');
    // Vega's own text: config.locale from d3-format's de-DE.json.
    expect(svg).toContain('>2.500,5</text>');
    expect(svg).toContain('>4.312,5</text>');
    expect(svg).not.toContain('4,312.5');
    // Alt text from the drawn values, in the chart's format and German marks.
    expect(svg).toMatch(/<desc [^>]*>Balkendiagramm: Einwohner nach Land\. Messgröße: Einwohner \(Tausend\), nach land\. Bayern: 4\.312,5; Berlin: 1\.234,3\./);
    expect(html).toContain('<td dir="auto">4312,5</td>');
    // Every row cites the same source: said once, in the caption (linked to the quoted sentence).
    expect(html).toMatch(/<caption>Daten: Einwohner nach Land<br>Quelle: <a [^>]*>Statistisches Bundesamt, 15\. März 2024<\/a><\/caption>/);
    // The footer: German words and date.
    expect(svg).toContain('<tspan font-weight="bold">Quelle:</tspan> Statistisches Bundesamt, 15. März 2024');
    expect(svg).toMatch(/<svg [^>]* lang="de"/);
  });

  it('gives the same bytes whatever LANG and LC_ALL say (C, de_DE.UTF-8, tr_TR.UTF-8)', () => {
    for (const file of ['output/laender.svg', 'output/laender.png', 'output/laender.html', 'output/laender.fr.svg', 'output/laender.fr.html', 'output/manifest.json']) {
      const [first, ...others] = dirs.map((dir) => readBytes(dir, file));
      for (const other of others) expect(other.equals(first!), file).toBe(true);
    }
  });
});
