import { escapeAttribute, escapeText } from 'entities';

// C0 control characters other than tab, newline and carriage return are not
// allowed anywhere in XML 1.0; one in a CSV cell would make the SVG unreadable.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const stripControl = (text: string) => text.replace(CONTROL, '');
// `entities` escapes U+00A0 as `&nbsp;`, an HTML entity XML does not define:
// librsvg (sharp) then refuses the whole SVG ("Entity 'nbsp' not defined").
// A no-break space is the thousands separator of French numbers (d3-format's
// fr-FR), so it is written as the character itself, valid in UTF-8 XML and HTML.
// (A user's own "&nbsp;" text was escaped to "&amp;nbsp;" first: untouched.)
const rawNbsp = (escaped: string) => escaped.replaceAll('&nbsp;', '\u00a0');
// What any of the three passes below would change: a text with none (most
// cells, labels and names) is returned as it is after one scan instead of
// three (a snippet's data tables escape every cell: issue 15).
const TEXT_CHANGES = /[&<>\u00a0\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ATTRIBUTE_CHANGES = /["&<>\u00a0\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
/** Text content: a CSV cell holding `</text><script>` shows literally. */
export const xmlText = (text: string) => (TEXT_CHANGES.test(text) ? rawNbsp(escapeText(stripControl(text))) : text);
export const xmlAttribute = (text: string) => (ATTRIBUTE_CHANGES.test(text) ? rawNbsp(escapeAttribute(stripControl(text))) : text);
