// The example content's French editions (specs/NAME.fr.json): whole-chart
// snapshots (SVG text and PNG), and what a French reader is told in words.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { embedFile } from '../../src/embed/embedFile.js';
import { openProject, type Project } from '../../src/project.js';
import { renderChart, type RenderedChart } from '../../src/renderChart.js';
import { comparePng, compareSvg } from '../helpers/snapshots.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const snapshots = path.join(here, '..', 'snapshots', '__snapshots__');
const NNBSP = '\u202f';
const names = ['china-supplies.fr', 'countries-named.fr', 'microelectronics-imports.fr', 'optical-suppliers.fr'];

let project: Project;
const charts = new Map<string, RenderedChart>();
beforeAll(async () => {
  project = await openProject(root);
  for (const name of names) {
    const { chart, diagnostics } = await renderChart(project, name);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    charts.set(name, chart!);
  }
});

describe('French editions of the example charts', () => {
  it.each(names)('%s renders as its snapshot (SVG text and PNG)', async (name) => {
    const chart = charts.get(name)!;
    expect(compareSvg(snapshots, name, chart.svg)).toBeUndefined();
    expect(await comparePng(snapshots, name, chart.png!)).toBeUndefined();
  });

  it('says it is French: lang on the SVG root and the snippet, inLanguage in the JSON-LD, language in the manifest', () => {
    const chart = charts.get('microelectronics-imports.fr')!;
    expect(chart.svg).toMatch(/^<svg [^>]* lang="fr"/);
    expect(chart.svg).toContain('"inLanguage":"fr"');
    expect(embedFile({ ...chart, embed: chart.embed! })).toMatch(/^<figure class="[^"]*" lang="fr">/);
    expect(chart.entry.language).toBe('fr');
  });

  it('credits the locator map\'s boundaries in French and names its countries in French', () => {
    const chart = charts.get('countries-named.fr')!;
    expect(chart.embed!.footer.map((p) => p.lead)).toEqual([`Source${NNBSP}:`, `Carte${NNBSP}:`, `Graphique${NNBSP}:`]);
    expect(chart.embed!.footer[1]!.text).toBe('Natural Earth');
    expect(chart.embed!.alt).toMatch(/^Carte\u202f: Selon des responsables américains, la Chine soutient l’effort de guerre russe en Ukraine\. /);
    expect(chart.embed!.alt).toContain('Chine');
    expect(chart.embed!.alt).not.toMatch(/China|Russia\b|Map:/);
    expect(embedFile({ ...chart, embed: chart.embed! })).toContain(`Autres langues${NNBSP}: <a href="countries-named.html" hreflang="en" lang="en">English</a>`);
  });

  it('writes the footer in French typography, crediting the translator of the source', () => {
    const footer = charts.get('microelectronics-imports.fr')!.embed!.footer;
    expect(footer[0]!.lead).toBe(`Source${NNBSP}:`);
    expect(footer[0]!.text).toContain('version française de Zhifan Liu');
    expect(footer[0]!.text).toContain('citant des responsables américains');
    expect(footer[1]!.lead).toBe(`Notes${NNBSP}:`);
    // The spec's chart-wide note unnumbered; the derived note its marker points at, "1.".
    expect(footer[1]!.text).toMatch(/^Une partie des informations/);
    expect(footer[2]!.text).toMatch(/^1\. Calcul/);
  });

  it('drafts the alt text in French, with the chart\'s French labels and numbers', () => {
    const alt = charts.get('microelectronics-imports.fr')!.embed!.alt;
    expect(alt).toMatch(/^Graphique en barres\u202f: /);
    expect(alt).toContain(`Chine${NNBSP}: 90${NNBSP}%${NNBSP}; Autres origines${NNBSP}: 10${NNBSP}%.`);
    expect(alt).toContain(`Source${NNBSP}: Reuters.`);
  });

  it('gives the screen-reader table French headings and labels', () => {
    const html = embedFile({ ...charts.get('microelectronics-imports.fr')!, embed: charts.get('microelectronics-imports.fr')!.embed! });
    expect(html).toContain(`<caption>Données${NNBSP}: Selon Washington, la Chine a fourni 90${NNBSP}% des importations russes de microélectronique en 2023<br>Source${NNBSP}: Reuters`);
    expect(html).toContain('<th scope="row" dir="auto">Chine</th>');
    expect(html).not.toContain('>China<');
    // The columns by the chart's French titles, not the CSV's English names (review: `origin`, `share`).
    // Every row cites Reuters: the source is said once, in the caption, not in a column (review).
    expect(html).toContain('<thead><tr><th scope="col">Origine</th><th scope="col">Part des importations (%)</th><th scope="col">Note</th></tr></thead>');
  });

  // The chart is fitted to the house width (autosize fit-x): its plot is as wide as the labels leave room for,
  // so each edition's bars are compared as shares of its own plot's width.
  it('keeps the figures: the same bar lengths, as shares of the plot, as the English chart', async () => {
    const english = await renderChart(project, 'microelectronics-imports');
    const bars = (svg: string) => {
      const plot = Number(/class="background" aria-hidden="true" d="M0,0h([\d.]+)v/.exec(svg)![1]);
      const widths = [...svg.matchAll(/role-mark[^>]*>(?:(?!<\/g>)[\s\S])*?<\/g>/g)]
        .flatMap((group) => [...group[0].matchAll(/<path[^>]* d="M[\d.]+,[\d.]+h([\d.]+)v/g)].map((m) => Number(m[1])));
      return widths.map((width) => Math.round((width / plot) * 1000) / 1000);
    };
    const french = bars(charts.get('microelectronics-imports.fr')!.svg);
    expect(french).toEqual(bars(english.chart!.svg));
    // 90 % against 10 %: one bar nine times the other.
    expect(french[0]! / french[1]!).toBeCloseTo(9, 1);
  });
});
