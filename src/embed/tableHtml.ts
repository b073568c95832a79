import type { CitedRow, Source } from '../model.js';
import type { Locale } from '../locale/readLocale.js';
import { citeSource } from '../provenance/citeSource.js';
import { xmlAttribute as attr, xmlText as text } from '../provenance/escapeXml.js';
import { cellText, sortRows, type TableSpec } from '../table/readTable.js';
import { evidenceLink } from '../trail/evidenceLink.js';

/** A newsroom table as the snippet writes it: cells already formatted, each row's sources with links. */
export interface TableFacts {
  title: string;
  subtitle: string;
  columns: Array<{ title: string; numeric: boolean }>;
  rows: Array<{ cells: string[]; sources: Array<{ text: string; href?: string }> }>;
  /** The locale's word for the citation column. */
  sourceWord: string;
}

/**
 * The facts of a table chart's `<table>`: the rows drawn, in the table's
 * sort order, each cell as the graphic writes it (readTable's cellText),
 * and each row's sources cited as in the footer, linked to the quoted
 * sentence where a text fragment can find it. The `source` column is the
 * citation column, always last.
 */
export function tableFacts(table: TableSpec, title: string, subtitle: string, rows: CitedRow[], sources: Map<string, Source>, locale: Locale): TableFacts {
  const columns = table.columns.filter((column) => !column.source);
  return {
    title,
    subtitle,
    columns: columns.map((column) => ({ title: column.title, numeric: column.numeric })),
    rows: sortRows(rows, table.sort, locale).map((row) => ({
      cells: columns.map((column) => cellText(row.values[column.field] ?? null, column, locale)),
      sources: row.sources.map((id) => {
        const source = sources.get(id)!;
        const href = evidenceLink(source, row.quote);
        return { text: citeSource(source, locale), ...(href && { href }) };
      }),
    })),
    sourceWord: table.columns.find((column) => column.source)?.title ?? locale.say('tableSource'),
  };
}

/**
 * A real, visible `<table>`: the title and subtitle as its `<caption>`,
 * `<th scope="col">` headers, the first cell of each row a `<th
 * scope="row">`, figures right-aligned in tabular figures (class `K-num`),
 * the sources last, linked. Every text is escaped; cells are `dir="auto"`
 * so a right-to-left name keeps its own direction.
 */
export function tableHtml(k: string, facts: TableFacts): string {
  const head = facts.columns.map((column) => `<th scope="col"${column.numeric ? ` class="${k}-num"` : ''}>${text(column.title)}</th>`);
  const rows = facts.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const numeric = facts.columns[i]!.numeric ? ` class="${k}-num"` : '';
      return i === 0 ? `<th scope="row" dir="auto"${numeric}>${text(cell)}</th>` : `<td dir="auto"${numeric}>${text(cell)}</td>`;
    });
    const cited = row.sources.map((source) => (source.href ? `<a href="${attr(source.href)}" rel="noopener">${text(source.text)}</a>` : text(source.text))).join('; ');
    return `<tr>${cells.join('')}<td>${cited}</td></tr>`;
  });
  return [
    `<table class="${k}-table">`,
    `<caption><span class="${k}-title">${text(facts.title)}</span>${facts.subtitle ? ` <span class="${k}-subtitle">${text(facts.subtitle)}</span>` : ''}</caption>`,
    `<thead><tr>${head.join('')}<th scope="col">${text(facts.sourceWord)}</th></tr></thead>`,
    `<tbody>`,
    ...rows,
    `</tbody>`,
    `</table>`,
  ].join('\n');
}

/** The table's CSS, scoped to the chart's class `K` (embedStyle's rule): a page's own table styles do not reach it, nor it theirs. */
export function tableStyle(k: string): string {
  return [
    `.${k} .${k}-table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums lining-nums;font-feature-settings:"tnum" 1,"lnum" 1}`,
    `.${k} .${k}-table caption{text-align:start;caption-side:top;padding-bottom:8px}`,
    `.${k} .${k}-title{display:block;font-weight:bold;font-size:1.2em}`,
    `.${k} .${k}-subtitle{display:block}`,
    `.${k} .${k}-table th,.${k} .${k}-table td{padding:6px 8px;text-align:start;vertical-align:top;border-bottom:1px solid #d9d9d9}`,
    `.${k} .${k}-table thead th{font-weight:normal;vertical-align:bottom;border-bottom:1px solid #595959}`,
    `.${k} .${k}-table tbody th{font-weight:normal}`,
    `.${k} .${k}-table .${k}-num{text-align:end}`,
  ].join('\n');
}
