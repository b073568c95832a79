import type { CellValue, Source } from '../model.js';
import { xmlAttribute as attr, xmlText as text } from '../provenance/escapeXml.js';
import type { Paragraph } from '../provenance/footerParagraphs.js';
import { FSI, PDI } from '../provenance/isolateBidi.js';
import { idPrefix } from '../provenance/prefixIds.js';
import type { EditionLink } from '../locale/editionLinks.js';
import type { DrawnTable } from './drawnTables.js';
import { embedStyle } from './embedStyle.js';
import { linkUrl } from './linkUrl.js';
import { scriptJson } from './scriptJson.js';
import { tableHtml as newsroomTable, tableStyle, type TableFacts } from './tableHtml.js';

/** What the snippet says besides the graphic, gathered while the chart is rendered. */
export interface EmbedFacts {
  name: string;
  title: string;
  /** The dek under the title ('' or absent: none), read out after the title in the hidden caption. */
  subtitle?: string;
  alt: string;
  /** The footer as drawn; its first `sources.length` paragraphs cite `sources`, in order. */
  footer: Paragraph[];
  sources: Source[];
  tables: DrawnTable[];
  /** schema.org JSON-LD (encodingFormat text/html). */
  jsonLd: Record<string, unknown>;
  /** BCP 47 tag and direction of the chart's language (src/locale); absent: no `lang`, as before locales. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** The chart's other language editions (src/locale/editionLinks.ts), linked under the graphic; `lead` is "Other languages:" in the chart's words. */
  editions?: { lead: string; separator: string; links: EditionLink[] };
  /** A newsroom table (src/table): the snippet is the table itself, not its graphic. */
  table?: TableFacts;
}

export interface Artboard {
  width: number;
  svg: string;
}

/**
 * `output/NAME.html`: a fragment to paste into a CMS, no JavaScript needed.
 *
 *   <figure class=K>
 *     <style> scoped to K: artboard choice, PNG fallback, hidden text
 *     <div K-graphic> one <div K-art-i> per artboard: <svg>, then <img NAME.png>
 *     <p K-editions> "Other languages: Français", links to the other editions' snippets (when it has some)
 *     <figcaption K-hidden> title, subtitle + footer, sources linked
 *     <div K-hidden> data table(s): drawn rows, their citation
 *     <script type=application/ld+json> provenance
 *
 * Text from data, specs and sources goes through `entities`' escapes; the
 * SVGs are citechart's own (already escaped) output.
 */
export function embedHtml(facts: EmbedFacts, artboards: Artboard[], png: { file: string; width: number; height: number } | undefined): string {
  const k = `${idPrefix(facts.name)}-embed`;
  const title = facts.title || facts.name;
  const img = png
    ? // A file name is not a URL: `#`, `?` or `%` in a chart's name would cut or garble it.
      `<img src="${attr(encodeURIComponent(png.file))}" alt="${attr(facts.alt)}" width="${png.width}" height="${png.height}" loading="lazy" decoding="async">`
    : '';
  if (facts.table) return tableFigure(k, facts, facts.table);
  const arts = artboards.map(
    (board, i) => `<div class="${k}-art ${k}-art-${i}" data-width="${board.width}">${board.svg.trim()}${img}</div>`,
  );
  return [
    `<figure class="citechart-embed ${k}"${facts.lang ? ` lang="${attr(facts.lang)}"` : ''}${facts.dir === 'rtl' ? ' dir="rtl"' : ''}>`,
    `<style>\n${embedStyle(k, artboards.map((board) => board.width))}\n</style>`,
    `<div class="${k}-graphic">`,
    ...arts,
    `</div>`,
    ...editionsHtml(k, facts.editions),
    `<figcaption class="${k}-hidden">`,
    `<span>${text(title)}</span>`,
    ...(facts.subtitle ? [`<span>${text(facts.subtitle)}</span>`] : []),
    ...footerHtml(facts.footer, facts.sources),
    `</figcaption>`,
    `<div class="${k}-hidden">`,
    ...facts.tables.map((table) => tableHtml(table, title, facts.tables.length > 1)),
    `</div>`,
    `<script type="application/ld+json">${scriptJson(facts.jsonLd)}</script>`,
    `</figure>\n`,
  ].join('\n');
}

/**
 * Visible links to the chart's other language editions, each labelled in its
 * own language with `hreflang` and `lang` (WCAG 3.1.2, language of parts),
 * its href the other snippet's file name beside this one, percent-encoded
 * as the PNG's is. A visible line, not `<link rel="alternate">`: a snippet
 * lives in a page's body, where HTML allows no such link; a site that does
 * not want the line hides `.K-editions`.
 */
function editionsHtml(k: string, editions: EmbedFacts['editions']): string[] {
  if (!editions?.links.length) return [];
  const links = editions.links.map(
    (link) => `<a href="${attr(encodeURIComponent(link.file))}" hreflang="${attr(link.tag)}" lang="${attr(link.tag)}">${text(link.label)}</a>`,
  );
  return [`<p class="${k}-editions">${text(editions.lead)} ${links.join(text(editions.separator))}</p>`];
}

/**
 * A table chart's snippet: the table as a real `<table>` (the graphic, SVG
 * and PNG, is for social posts and print), then the footer as visible text,
 * then the provenance.
 *
 *   <figure class=K>
 *     <style> scoped to K
 *     <table K-table> caption (title, subtitle), headers, rows, sources
 *     <figcaption K-footer> sources linked, notes, credit
 *     <script type=application/ld+json> provenance
 */
function tableFigure(k: string, facts: EmbedFacts, table: TableFacts): string {
  return [
    `<figure class="citechart-embed ${k}"${facts.lang ? ` lang="${attr(facts.lang)}"` : ''}${facts.dir === 'rtl' ? ' dir="rtl"' : ''}>`,
    `<style>\n.${k}{margin:0;padding:0}\n${tableStyle(k)}\n.${k} .${k}-footer{font-size:0.85em}\n</style>`,
    newsroomTable(k, table),
    `<figcaption class="${k}-footer">`,
    ...footerHtml(facts.footer, facts.sources),
    `</figcaption>`,
    ...editionsHtml(k, facts.editions),
    `<script type="application/ld+json">${scriptJson(facts.jsonLd)}</script>`,
    `</figure>\n`,
  ].join('\n');
}

/** The footer as paragraphs of text; a source with an http(s) URL becomes a link. */
function footerHtml(footer: Paragraph[], sources: Source[]): string[] {
  return footer.map((paragraph, i) => {
    const lead = paragraph.lead ? `<strong>${text(paragraph.lead)}</strong> ` : '';
    const href = i < sources.length ? linkUrl(sources[i]!.url) : undefined;
    const body = href ? `<a href="${attr(href)}" rel="noopener">${bidiText(paragraph.text)}</a>` : bidiText(paragraph.text);
    return `<p>${lead}${body}</p>`;
  });
}

/** A data table of the drawn rows: value columns, then the citation (in the caption instead when every row cites the same) and any note. */
function tableHtml(table: DrawnTable, title: string, named: boolean): string {
  const notes = table.rows.some((row) => row.note);
  // The table of values drawn from several rows cites none (the data tables after it do).
  // Every row citing the same sources: said once in the caption, not repeated on every row (a Reuters/FT review).
  // Rows with the same citation share one evidence list (drawnTables.ts): written once.
  const written = new Map<DrawnTable['rows'][number]['evidence'], string>();
  const evidence = table.rows.map((row) => {
    if (!row.citation) return '';
    if (!row.evidence) return evidenceHtml(row);
    let html = written.get(row.evidence);
    if (html === undefined) written.set(row.evidence, (html = evidenceHtml(row)));
    return html;
  });
  const shared = evidence.length > 0 && evidence.every((html) => html && html === evidence[0]) ? evidence[0]! : '';
  const cited = !shared && table.rows.some((row) => row.citation);
  const words = table.words ?? { data: 'Data', source: 'Source', note: 'Note', colon: ':' };
  const head = [...table.columns, ...(cited ? [words.source] : []), ...(notes ? [words.note] : [])];
  const cell = (value: CellValue) => text(value === null ? '' : String(value));
  // A cell is one field: `dir="auto"` gives an Arabic or Hebrew value its own direction on any page.
  // Each row written as one string, no list of cells (a snippet's tables hold up to LIMITS.snippetTableRows rows each: issue 15).
  const rows = table.rows.map((row, i) => {
    let html = `<tr><th scope="row" dir="auto">${cell(row.values[0] ?? null)}</th>`;
    for (let j = 1; j < row.values.length; j++) html += `<td dir="auto">${cell(row.values[j]!)}</td>`;
    if (cited) html += `<td>${evidence[i]}</td>`;
    if (notes) html += `<td>${bidiText(row.note)}</td>`;
    return `${html}</tr>`;
  });
  return [
    `<table>`,
    // The file is named only when the chart draws from several.
    `<caption>${text(`${table.caption ?? words.data}${words.colon} ${title}` + (named && table.file ? ` (${table.file})` : ''))}${shared ? `<br>${text(`${words.source}${words.colon}`)} ${shared}` : ''}</caption>`,
    `<thead><tr>${head.map((name) => `<th scope="col">${text(name)}</th>`).join('')}</tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    // How many rows these summarise, and whether all are listed (drawnTables.ts).
    ...(table.lines?.length ? [`<tfoot><tr><td colspan="${head.length}">${table.lines.map(text).join(' ')}</td></tr></tfoot>`] : []),
    `</table>`,
  ].join('\n');
}

/** A row's sources, each a link to where its figure can be checked (the quoted sentence, when a text fragment can find it). */
function evidenceHtml(row: DrawnTable['rows'][number]): string {
  if (!row.evidence?.length) return bidiText(row.citation);
  return row.evidence
    .map((source) => (source.href ? `<a href="${attr(source.href)}" rel="noopener">${bidiText(source.text)}</a>` : bidiText(source.text)))
    .join('; ');
}

/**
 * Escaped text whose isolated fields (provenance/isolateBidi.ts) become
 * `<bdi>` elements: the HTML way to say the same, kept by sanitisers that
 * might strip invisible characters. Loading removed every isolate a user
 * wrote, so these pairs are citechart's own and balanced.
 */
function bidiText(value: string): string {
  return text(value).replaceAll(FSI, '<bdi>').replaceAll(PDI, '</bdi>');
}
