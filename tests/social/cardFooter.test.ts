// A social card's footer reads on a phone: at least MIN_PHONE_TEXT (11) CSS px
// when the card is shown PHONE_WIDTH (375) px wide (a Reuters/FT review
// measured 7–8 px), shortened deterministically when the full one does not
// fit, its sources never dropped.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { openProject, type Project } from '../../src/project.js';
import { renderChart } from '../../src/renderChart.js';
import { cardFooterStyle, MIN_PHONE_TEXT, PHONE_WIDTH } from '../../src/social/cardFooter.js';
import { footerParagraphs, type Brevity } from '../../src/provenance/footerParagraphs.js';
import { DEFAULT_FOOTER_STYLE } from '../../src/provenance/footerStyle.js';
import { readLocale } from '../../src/locale/readLocale.js';
import type { CitedRow, Source } from '../../src/model.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The footer's type size (CSS px) on a phone PHONE_WIDTH px wide showing the whole card, and its lines' text. */
function phoneFooter(svg: string): { size: number; text: string } {
  const view = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
  const zoom = Number(/class="citechart-zoom" transform="scale\(([\d.e-]+)\)"/.exec(svg)?.[1] ?? 1);
  const footer = /<g class="citechart-footer"[^>]* font-size="([\d.]+)"[^>]*>(.*?)<\/g>/.exec(svg)!;
  return { size: (Number(footer[1]) * zoom * PHONE_WIDTH) / view, text: footer[2]!.replace(/<[^>]+>/g, ' ') };
}

describe('cardFooterStyle', () => {
  it('raises the footer so it shows 11 px on a 375 px phone, in proportion, and never lowers it', () => {
    expect(cardFooterStyle(DEFAULT_FOOTER_STYLE, 360)).toEqual(DEFAULT_FOOTER_STYLE);
    const at540 = cardFooterStyle(DEFAULT_FOOTER_STYLE, 540);
    expect(at540.fontSize).toBeCloseTo(15.84, 2);
    expect(at540.lineHeight / at540.fontSize).toBeCloseTo(15 / 11, 2);
    expect((at540.fontSize * PHONE_WIDTH) / 540).toBeGreaterThanOrEqual(MIN_PHONE_TEXT - 0.01);
  });
});

describe('shorter card footers (footerParagraphs brevity)', () => {
  const source = (id: string, publisher: string, published = '2024'): Source => ({
    id, publisher, authors: ['Steve Holland'], title: 'T', published, url: '', attribution: 'US officials', language: '', translator: '', accessed: '', line: 2,
  });
  const sources = new Map([['r', source('r', 'Reuters')], ['c', source('c', 'CSIS', '2023-04-12')]]);
  const rows: CitedRow[] = [{ index: 0, line: 2, values: {}, sources: ['r', 'c'], quote: '', note: 'Estimate.', derived: '' }];
  const settings = { notes: [], credit: 'Graphic: desk', alt: '' };
  const texts = (brevity: Brevity, tag = 'en', extra: Partial<typeof settings> = {}, markers?: 'none') =>
    footerParagraphs(rows, sources, { ...settings, ...extra }, { brevity, locale: readLocale(tag), markers }).map((p) => `${p.lead}|${p.text}`);

  // A card travels without its article: the publisher's year goes with it (a Reuters/FT review, 2026: "Reuters, citing US officials…").
  it('short: each source by publisher, year (of a date at any precision) and attribution', () => {
    expect(texts('short')).toEqual(['Sources:|1. Reuters, 2024, citing US officials', '|2. CSIS, 2023, citing US officials', 'Note:|1. Estimate.', 'Graphic:|desk']);
  });
  it('publishers: one paragraph of publishers, each with its year and attribution; notes kept', () => {
    expect(texts('publishers')).toEqual(['Sources:|Reuters, 2024, citing US officials; CSIS, 2023, citing US officials', 'Note:|1. Estimate.', 'Graphic:|desk']);
  });
  it('a source with no date is cited by publisher and attribution', () => {
    const undated = new Map([['r', source('r', 'Reuters', '')], ['c', source('c', 'CSIS', '')]]);
    const paragraphs = footerParagraphs(rows, undated, settings, { brevity: 'publishers', locale: readLocale('en') });
    expect(paragraphs[0]!.text).toBe('Reuters, citing US officials; CSIS, citing US officials');
  });
  // The caveat "based on declassified intelligence" was replaced on cards by "Notes and full sources with the article".
  it.each(['en', 'fr'])('every shorter form keeps every note, chart-wide and marked, with or without markers (%s)', (tag) => {
    const caveat = 'Some figures come from declassified intelligence.';
    for (const brevity of ['short', 'publishers'] as const) {
      for (const markers of [undefined, 'none'] as const) {
        const lines = texts(brevity, tag, { notes: [caveat] }, markers);
        expect(lines.some((line) => line.includes(caveat)), `${brevity} ${markers}`).toBe(true);
        expect(lines.some((line) => line.includes('Estimate.')), `${brevity} ${markers}`).toBe(true);
        expect(lines.join(' '), `${brevity} ${markers}`).not.toMatch(/article/);
      }
    }
  });
});

describe('the example charts\' cards', () => {
  let project: Project;
  beforeAll(async () => {
    project = await openProject(root);
  });

  // china-supplies.fr's landscape card is left out (with a warning): its footer, attribution and marked note kept, leaves the table 70 px.
  it.each([['china-supplies.fr', 2], ['countries-named', 3], ['microelectronics-imports', 3]] as const)('%s: every card\'s footer shows ≥ 11 px on a 375 px phone and cites Reuters, citing US officials', async (name, count) => {
    const { chart } = await renderChart(project, name);
    expect(chart!.socialCards!.length).toBe(count);
    for (const card of chart!.socialCards!) {
      const footer = phoneFooter(card.svg);
      expect(footer.size, `${card.width}x${card.height}`).toBeGreaterThanOrEqual(MIN_PHONE_TEXT - 0.01);
      expect(footer.text).toContain('Reuters');
      expect(footer.text).toMatch(/Source/);
      expect(footer.text).toMatch(/citing US officials|citant des responsables/);
    }
  }, 60_000);

  // A Reuters/FT review, 2026: the French square card of these charts dropped the caveat for "Notes et sources
  // complètes avec l'article" and cited "Reuters, citant…" without a year; the English one kept it. Every card drawn,
  // in either language and at any size, carries the note and the publisher's year; one that cannot is left out, warned.
  const caveat = { en: /Some of the information the officials shared is based on declassified intelligence\./, fr: /Une partie des informations communiquées par les responsables provient de renseignements déclassifiés\./ };
  const all = ['1080x1080', '1080x1350', '1200x675'];
  it.each([
    ['china-supplies.fr', 'fr', ['1080x1080', '1080x1350']],
    // These two editions choose no landscape card (their translation files' "social"): with its notes it would leave the chart 46 and 70 px.
    ['microelectronics-imports.fr', 'fr', ['1080x1080', '1080x1350']],
    ['optical-suppliers.fr', 'fr', ['1080x1080', '1080x1350']],
    ['optical-suppliers', 'en', all],
  ] as const)('%s: every card carries the caveat and "Reuters, 2024"; a card left out is warned of by size', async (name, tag, sizes) => {
    const { chart, diagnostics } = await renderChart(project, name);
    const drawn = new Set(chart!.socialCards!.map((card) => `${card.width}x${card.height}`));
    for (const card of chart!.socialCards!) {
      // Words are drawn as separate runs: read the footer's text with its spaces collapsed.
      const text = phoneFooter(card.svg).text.replace(/\s+/g, ' ');
      expect(text, `${name} ${card.width}x${card.height}`).toMatch(caveat[tag]);
      expect(text, `${name} ${card.width}x${card.height}`).toMatch(/Reuters.{0,80}2024/);
      expect(text).not.toMatch(/avec l’article|with the article/);
    }
    for (const size of sizes.filter((s) => !drawn.has(s))) {
      expect(diagnostics.map((d) => d.message), `${name} ${size}`).toContainEqual(expect.stringContaining(`no ${size} social card`));
    }
  }, 120_000);

  // Kept whole, the French footer left the table's rows squeezed to 60 % of their step, each row's second line drawn
  // over the next row's first: squeezed rows whose text collides are no card (textCollisions).
  it('china-supplies.fr: the table\'s lines on every card are at least a line of type apart', async () => {
    const { chart } = await renderChart(project, 'china-supplies.fr');
    for (const card of chart!.socialCards!) {
      const lines = [...card.svg.matchAll(/<text text-anchor="start" transform="translate\(0,([\d.]+)\)"[^>]* font-size="([\d.]+)px"[^>]*>[^<]/g)]
        .map((m) => ({ y: Number(m[1]), size: Number(m[2]) }))
        .sort((a, b) => a.y - b.y);
      expect(lines.length, `${card.width}x${card.height}`).toBeGreaterThanOrEqual(10);
      for (let i = 1; i < lines.length; i++) expect(lines[i]!.y - lines[i - 1]!.y, `${card.width}x${card.height} line ${i}`).toBeGreaterThanOrEqual(lines[i]!.size);
    }
  }, 60_000);
});
