// How a spreadsheet writes a figure, read into a number. Separate from
// parseNumber (plain numbers only) because the forms here need a decision:
// `90 %`, `1 234`, `−5`, `(5)`, and `1,234`, which is 1234 in London and
// 1.234 in Paris. parseFigure reads one cell and says what it could mean;
// the column decides the ambiguous ones (typeColumns).
import { NUMBER } from './parseNumber.js';

/** How the sidecar declares a number column to be written (Frictionless). */
export interface NumberFormat {
  decimalChar?: string;
  groupChar?: string;
  bareNumber?: boolean;
}

export type Figure =
  | {
      value: number;
      /** Written with a trailing `%`: the value is in percentage points (`90%` → 90). */
      percent: boolean;
      /** The decimal mark the cell shows it uses, when it shows one. */
      decimalMark?: '.' | ',';
    }
  | { ambiguous: true; asThousands: number; asDecimal: number; percent: boolean };

// Spaces a spreadsheet puts between thousands: plain, no-break, narrow
// no-break (French locales) and thin.
const SPACE = '[ \\u00A0\\u202F\\u2009]';
const SPACES = new RegExp(SPACE, 'g');
const SPACE_GROUPED = new RegExp(`^\\d{1,3}(${SPACE}\\d{3})+([.,]\\d+)?$`);
const COMMA_GROUPED = /^\d{1,3}(,\d{3}){2,}(\.\d+)?$|^\d{1,3}(,\d{3})+\.\d+$/;
const DOT_GROUPED = /^\d{1,3}(\.\d{3})+,\d+$|^\d{1,3}(\.\d{3}){2,}$/;
const AMBIGUOUS = /^[1-9]\d{0,2},\d{3}$/;
const DECIMAL_COMMA = /^\d+,\d+$/;
const PERCENT = new RegExp(`${SPACE}*%$`);

/**
 * The figure a cell holds, or undefined when it is none. Without a `format`
 * (no sidecar) every unambiguous spreadsheet form is read; with one, the
 * Frictionless rules apply: `groupChar` (default none) and `decimalChar`
 * (default `.`) are the only separators, and `bareNumber: false` strips
 * leading and trailing text such as `%` or `€`. In both cases a Unicode
 * minus and an accounting negative `(5)` are negative numbers.
 */
export function parseFigure(text: string, format?: NumberFormat): Figure | undefined {
  let body = text.trim();
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) {
    body = accounting[1]!.trim();
    negative = true;
  }
  let percent = false;
  if (format?.bareNumber === false) {
    const stripped = /^([^\d.,+\-\u2212]*)(.*?)([^\d.,]*)$/.exec(body)!;
    percent = stripped[3]!.includes('%');
    body = stripped[2]!;
  } else if (!format && PERCENT.test(body)) {
    percent = true;
    body = body.replace(PERCENT, '');
  }
  body = body.replace(/^\u2212/, '-');
  let sign = 1;
  if (/^[+-]/.test(body)) {
    if (negative) return undefined; // `(-5)`: no reading is safe
    sign = body[0] === '-' ? -1 : 1;
    body = body.slice(1);
  }
  if (negative) sign = -1;

  const figure = format ? readDeclared(body, format) : readInferred(body);
  if (!figure) return undefined;
  if ('ambiguous' in figure) {
    return { ambiguous: true, asThousands: sign * figure.asThousands, asDecimal: sign * figure.asDecimal, percent };
  }
  if (!Number.isFinite(figure.value)) return undefined;
  return { value: sign * figure.value, percent, ...(figure.decimalMark ? { decimalMark: figure.decimalMark } : {}) };
}

/**
 * parseFigure without a format, remembered by cell text: a table's columns
 * are read up to three times (the file's decimal mark, each column's type,
 * its values) and repeat their figures (`8`, `1970`), so each distinct text is
 * parsed once per table (issue 15: a one-chart build's table read). The
 * figures returned are shared between equal texts and never changed.
 */
export function figureReader(): (text: string) => Figure | undefined {
  const known = new Map<string, Figure | undefined>();
  return (text) => {
    let figure = known.get(text);
    if (figure === undefined && !known.has(text)) known.set(text, (figure = parseFigure(text)));
    return figure;
  };
}

type Unsigned = { value: number; decimalMark?: '.' | ',' } | { ambiguous: true; asThousands: number; asDecimal: number };

function readDeclared(body: string, format: NumberFormat): Unsigned | undefined {
  const group = format.groupChar ?? '';
  const decimal = format.decimalChar ?? '.';
  let plain = body;
  // A declared space groups with any of the spaces spreadsheets use.
  if (group !== '') plain = /^\s$/.test(group) ? plain.replace(SPACES, '') : plain.split(group).join('');
  if (decimal !== '.') {
    if (plain.includes('.')) return undefined;
    plain = plain.split(decimal).join('.');
  }
  return NUMBER.test(plain) && !/^[+-]/.test(plain) ? { value: Number(plain) } : undefined;
}

function readInferred(body: string): Unsigned | undefined {
  if (NUMBER.test(body) && !/^[+-]/.test(body)) {
    return { value: Number(body), ...(body.includes('.') ? { decimalMark: '.' as const } : {}) };
  }
  if (SPACE_GROUPED.test(body)) {
    const plain = body.replace(SPACES, '');
    return plain.includes(',') ? { value: Number(plain.replace(',', '.')), decimalMark: ',' } : { value: Number(plain), ...(plain.includes('.') ? { decimalMark: '.' as const } : {}) };
  }
  if (AMBIGUOUS.test(body)) {
    return { ambiguous: true, asThousands: Number(body.replace(',', '')), asDecimal: Number(body.replace(',', '.')) };
  }
  if (COMMA_GROUPED.test(body)) return { value: Number(body.replaceAll(',', '')), decimalMark: '.' };
  if (DOT_GROUPED.test(body)) return { value: Number(body.replaceAll('.', '').replace(',', '.')), decimalMark: ',' };
  if (DECIMAL_COMMA.test(body)) return { value: Number(body.replace(',', '.')), decimalMark: ',' };
  return undefined;
}

/** Digits only, but more of them than a double keeps exactly (beyond 2^53). */
export function isUnsafeInteger(text: string): boolean {
  const digits = text.trim().replace(/^[-+\u2212]/, '');
  return /^\d+$/.test(digits) && !Number.isSafeInteger(Number(digits));
}

/** `=SUM(A1:A3)`, `@INDIRECT(…)`, `+A1`: what a spreadsheet would calculate. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@]/.test(text.trim());
}
