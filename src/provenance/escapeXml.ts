import { escapeAttribute, escapeText } from 'entities';

// C0 control characters other than tab, newline and carriage return are not
// allowed anywhere in XML 1.0; one in a CSV cell would make the SVG unreadable.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const stripControl = (text: string) => text.replace(CONTROL, '');
/** Text content: a CSV cell holding `</text><script>` shows literally. */
export const xmlText = (text: string) => escapeText(stripControl(text));
export const xmlAttribute = (text: string) => escapeAttribute(stripControl(text));
