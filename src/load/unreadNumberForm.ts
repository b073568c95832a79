// Number forms a spreadsheet writes that citechart does not read (parseFigure
// reads the others). Named in the message, so an editor knows what to change
// in the spreadsheet rather than being told to "write it as e.g. 90".

/** What form a cell is written in, and the plain number it means (when that is certain). */
export interface UnreadForm {
  /** How it is written, as a message says it after "is written": `in scientific notation with a decimal comma`. */
  form: string;
  /** The value it stands for, when reading it is certain. */
  value?: number;
}

const SCIENTIFIC_COMMA = /^([+-\u2212]?\d+),(\d+)[eE]([+-]?\d+)$/;
// Swiss and Liechtenstein grouping: 1'234'567 (ASCII or typographic apostrophe).
const APOSTROPHE_GROUPED = /^\d{1,3}(['\u2019]\d{3})+([.,]\d+)?$/;
// Indian grouping: lakhs and crores, 12,34,567.
const LAKH_GROUPED = /^\d{1,2}(,\d{2})+,\d{3}(\.\d+)?$/;
// Programmers' grouping, as some exports write it: 1_234_567.
const UNDERSCORE_GROUPED = /^\d{1,3}(_\d{3})+$/;

/**
 * The spreadsheet form a number cell that did not read is written in, if it
 * is one citechart knows of: scientific notation with a decimal comma
 * (`1,5E+03`), apostrophe grouping (`1'234'567`), Indian grouping
 * (`12,34,567`), underscores (`1_234`). Undefined for anything else.
 */
export function unreadNumberForm(text: string): UnreadForm | undefined {
  const body = text.trim();
  const sci = SCIENTIFIC_COMMA.exec(body);
  if (sci) return { form: 'in scientific notation with a decimal comma', value: Number(`${sci[1]!.replace('\u2212', '-')}.${sci[2]}e${sci[3]}`) };
  if (APOSTROPHE_GROUPED.test(body)) {
    const plain = body.replace(/['\u2019]/g, '');
    return { form: 'with apostrophes between thousands (Swiss style)', value: Number(plain.replace(',', '.')) };
  }
  if (LAKH_GROUPED.test(body)) return { form: 'in Indian digit grouping (lakh, crore)', value: Number(body.replaceAll(',', '')) };
  if (UNDERSCORE_GROUPED.test(body)) return { form: 'with underscores between thousands', value: Number(body.replaceAll('_', '')) };
  return undefined;
}

/** `1234.5` written with the file's decimal mark: `1234,5` where the file writes decimals with a comma. */
export function writeWithMark(value: number, mark: '.' | ',' | undefined): string {
  const text = String(value);
  return mark === ',' ? text.replace('.', ',') : text;
}
