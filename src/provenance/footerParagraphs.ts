import { citedSourceIds } from './citedSourceIds.js';
import type { ChartSettings } from '../compile/readUsermeta.js';
import type { CitedRow, Source } from '../model.js';
import { citeBriefly, citeSource, formatPublished } from './citeSource.js';
import { hasRtl, isolate } from './isolateBidi.js';
import { readLocale, type Locale } from '../locale/readLocale.js';
import { noteNumbers } from '../markers/noteNumbers.js';
import { footerNoteLabel } from '../markers/markerSymbol.js';
import type { MarkerSymbols } from '../markers/markerStyle.js';

/** How fully the footer cites its sources (footerParagraphs' `brevity`): the article's `full` citation first. */
export type Brevity = 'full' | 'short' | 'publishers';

/** A footer paragraph: a bold lead-in ("Source:") and the text after it. */
export interface Paragraph {
  lead: string;
  text: string;
  /** An item of the list the previous lead-in opened ("Notes: A." then "B."), set under the lead-in's text, not at the margin. */
  item?: true;
  /**
   * Names in `text` (people, organisations: "Zhifan Liu", "Natural Earth")
   * that a drawn line must not break inside (wrapText's `keep`); the text
   * itself keeps plain spaces, so the snippet and extracted text are unchanged.
   */
  keep?: string[];
}

/**
 * The footer's content, before wrapping: sources of the drawn rows (in the
 * order the rows come, each once, numbered when several), then notes (the
 * spec's, then the rows' notes and `derived` explanations), then each
 * correction ("Corrected on 2 May 2024: <what>", the date as source dates
 * read; src/trail/checkPublished.ts chooses them), then the credit.
 * Lead-ins, their plural (Intl.PluralRules), colon and numbering are the
 * locale's (French "Source\u202F:"). `extras`: `maps`, the citations of a
 * map's boundary files, as a "Map:" paragraph after the sources;
 * `corrections`; `credits` after the credit (an edition's "Translation: NAME");
 * `brevity` (a social card whose full footer leaves its chart no room,
 * src/social): `short` cites each source by its publisher, year and
 * attribution only (citeBriefly: "Reuters, 2024, citing US officials…": no
 * authors, rest of the date or translator), `publishers` as `short`, all in
 * one paragraph ("Source: Reuters, 2024, citing US officials; CSIS, 2024").
 * Every form keeps every note, the map's credit, corrections and credits:
 * a card travels without its article, so its caveats go with it (a
 * Reuters/FT review, 2026: "Some of the information… is based on
 * declassified intelligence" was replaced on cards by "Notes and full
 * sources with the article").
 * `names`, more names to keep whole besides the sources' (the edition's
 * translator, the map sources' publishers and authors). Each paragraph's
 * `keep` lists the names it holds, from every source record (`publisher`,
 * `authors`, `translator`) and `names`, so its drawn lines never break a
 * name ("Zhifan / Liu").
 * The "Map:" and "Corrected on" lead-ins are the locale's too ("Carte\u202F:",
 * "Corrigé le 2 mai 2024\u202F:"; catalogue keys `map`, `correctedOn`).
 * Notes: the spec's chart-wide notes first, unnumbered (no mark in the
 * graphic points at them), then the rows' notes, numbered as noteNumbers
 * (src/markers) numbers them when a drawn row's marker on the graphic
 * (`markers`, the theme's symbols; `digits` by default) points at them, even
 * when there is only one, with the same signs as the markers; with
 * `markers: 'none'` they are unnumbered too.
 */
export function footerParagraphs(
  rows: CitedRow[],
  sources: Map<string, Source>,
  settings: ChartSettings,
  extras: {
    locale?: Locale;
    maps?: string[];
    corrections?: Array<{ date: string; what: string }>;
    credits?: string[];
    markers?: MarkerSymbols;
    names?: string[];
    brevity?: Brevity;
  } = {},
): Paragraph[] {
  const cited = citedSourceIds(rows).map((id) => sources.get(id)!);
  const { chartWide, notes, byRow } = noteNumbers(rows, settings.notes);
  const markers = extras.markers ?? 'digits';
  const paragraphs: Paragraph[] = [];
  const locale = extras.locale ?? readLocale();
  const brevity = extras.brevity ?? 'full';
  if (brevity === 'publishers') {
    // Publisher, year and attribution stay ("Reuters, 2024, citing US officials…"): a card travels without its article, and who speaks, and when, is part of the figure.
    const publishers = unique(cited.map((source) => citeBriefly(source, locale)));
    paragraphs.push({ lead: `${locale.plural('source', publishers.length)}${locale.words.colon}`, text: publishers.join('; ') });
  } else numbered(cited.map((source) => (brevity === 'short' ? citeBriefly(source, locale) : citeSource(source, locale))), 'source', locale, paragraphs);
  // A map's boundaries are credited apart from its figures (src/geo).
  const maps = unique(extras.maps ?? []).map(isolate);
  if (maps.length) paragraphs.push({ lead: `${locale.plural('map', maps.length)}${locale.words.colon}`, text: maps.join(locale.words.altItems) });
  // Chart-wide notes first, unnumbered; then the numbered notes the markers point at (without markers, nothing points at them: unnumbered too).
  const marked = byRow.size > 0 && markers !== 'none';
  const all = chartWide.concat(notes);
  const lead = `${locale.plural('note', all.length)}${locale.words.colon}`;
  const unnumbered = all.length - notes.length;
  all.forEach((text, i) => {
    const n = i - unnumbered + 1;
    const label = marked && n >= 1 ? footerNoteLabel(n, markers, (k) => locale.say('numbered', { n: k })) : '';
    paragraphs.push(i === 0 ? { lead, text: `${label}${isolate(text)}` } : { lead: '', text: `${label}${isolate(text)}`, item: true });
  });
  for (const correction of extras.corrections ?? []) {
    const lead = `${locale.say('correctedOn', { date: formatPublished(correction.date, locale) })}${locale.words.colon}`;
    paragraphs.push({ lead, text: isolate(correction.what) });
  }
  if (settings.credit) paragraphs.push(creditParagraph(settings.credit, isolate));
  for (const credit of extras.credits ?? []) paragraphs.push(creditParagraph(credit, (text) => text));
  return withNames(paragraphs, sourceNames(sources.values()).concat(extras.names ?? []));
}

/** A credit's label: one to three words, then a colon (with the space or narrow no-break space a French one takes), then a space. */
const CREDIT_LABEL = /^(\p{L}[\p{L}\p{M}'’-]*(?: \p{L}[\p{L}\p{M}'’-]*){0,2}(?: |\u00a0|\u202f)?:) (\S[\s\S]*)$/u;

/**
 * A credit as a footer paragraph: its label ("Graphic:", "Graphique :",
 * "Translation:") as the bold lead-in "Source:" and "Map:" have, the rest
 * as its text (`text`, isolated as the caller isolates it), so that every
 * label of the footer is set alike (a Reuters/FT review, 2026: "Graphic:"
 * was regular beside a bold "Source:"). A credit with no such label
 * ("Graphics desk"), or with right-to-left letters, is all text.
 */
export function creditParagraph(credit: string, text: (s: string) => string): Paragraph {
  // A right-to-left credit stays one isolated run: its label's place in the line is the bidi algorithm's to decide.
  const match = hasRtl(credit) ? null : CREDIT_LABEL.exec(credit.trim());
  return match ? { lead: match[1]!, text: text(match[2]!) } : { lead: '', text: text(credit) };
}

/** The names of people and organisations in source records: publishers, authors, translators (several words each, or nothing to keep). */
export function sourceNames(sources: Iterable<Source>): string[] {
  const names: string[] = [];
  for (const source of sources) {
    for (const name of [source.publisher, ...source.authors, source.translator ?? '']) if (/\S\s+\S/.test(name)) names.push(name.trim());
  }
  return names;
}

/** Each paragraph with the names its text holds as its `keep` (none: no `keep`, so a paragraph without names is as it was). */
function withNames(paragraphs: Paragraph[], names: string[]): Paragraph[] {
  const all = unique(names);
  return paragraphs.map((paragraph) => {
    const keep = all.filter((name) => paragraph.text.includes(name));
    return keep.length ? { ...paragraph, keep } : paragraph;
  });
}

function numbered(items: string[], word: 'source' | 'note', locale: Locale, into: Paragraph[]) {
  const lead = `${locale.plural(word, items.length)}${locale.words.colon}`;
  if (items.length === 1) into.push({ lead, text: items[0]! });
  else items.forEach((text, i) => into.push({ lead: i === 0 ? lead : '', text: `${locale.say('numbered', { n: i + 1 })}${text}` }));
}

function unique(items: string[]): string[] {
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}
