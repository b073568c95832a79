import type { Source } from '../model.js';
import type { Locale } from '../locale/readLocale.js';
import type { TableFacts } from '../embed/tableHtml.js';
import { isolate } from '../provenance/isolateBidi.js';
import { oneLine } from '../provenance/textLines.js';
import { subtitleSentence } from '../provenance/draftAltText.js';

/** At most this many rows are read out; the rest are counted ("and 12 more"), as in draftAltText. */
const MAX_ROWS = 20;

/**
 * A table's alt text when the spec gives none: "Table: TITLE. SUBTITLE. City,
 * Population (million), Growth (%). Epsilon: 5.6, +2.4; Beta: 3.4, +1.9…
 * Source: PUBLISHER." — its column headers, then each row (in the table's
 * order) as its first cell and the others as written, then the publishers.
 * draftAltText cannot read a table's figures from the scene (they are text,
 * not a measure), so a table says its own. Words and punctuation are the
 * locale's catalogue's.
 */
export function tableAltText(facts: TableFacts, sources: Source[], locale: Locale): string {
  const comma = locale.words.listSeparator;
  const cell = (text: string) => isolate(oneLine(text));
  const rows = facts.rows.map((row) => {
    const [first = '', ...rest] = row.cells.map(cell);
    return rest.length ? locale.say('altItem', { label: first, value: rest.join(comma) }) : first;
  });
  const shown = rows.slice(0, MAX_ROWS).join(locale.words.altItems) + (rows.length > MAX_ROWS ? locale.say('altMore', { n: rows.length - MAX_ROWS }) : '');
  const publishers = [...new Set(sources.map((source) => isolate(oneLine(source.publisher))))];
  const kind = locale.say('kindTable');
  return [
    facts.title ? locale.say('altTitled', { kind, title: cell(facts.title) }) : `${kind}.`,
    subtitleSentence(facts.subtitle, locale),
    `${facts.columns.map((column) => cell(column.title)).join(comma)}.`,
    shown && `${shown}.`,
    publishers.length && `${locale.plural('source', publishers.length)}${locale.words.colon} ${locale.list(publishers)}.`,
  ]
    .filter(Boolean)
    .join(' ');
}
