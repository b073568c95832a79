// The footer, alt text and snippet join fields from several sources into one
// line: "Source: <publisher>, 2024, citing <attribution>". Under the Unicode
// bidi algorithm (UAX #9) an Arabic or Hebrew publisher followed by ", 2024"
// pulls the comma and the year into its right-to-left run, and every
// renderer shows "Source: 2024 ,<publisher>". Wrapping each such field in
// FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE makes it one neutral unit
// for the text around it, and gives it its own direction inside. Both
// Chromium and librsvg (sharp's PNG) honour isolates in SVG <text>; in HTML
// they become <bdi>. Fields without right-to-left letters are left as they
// are: in the footer's left-to-right lines they cannot reorder anything once
// the right-to-left fields are isolated, so Latin-only graphics stay byte
// for byte what they were.
export const FSI = '\u2068';
export const PDI = '\u2069';

// Strong right-to-left letters and Arabic digits: Hebrew, Arabic, Syriac,
// Thaana, N'Ko, Samaritan, Mandaic (U+0590–U+08FF), their presentation forms,
// and the right-to-left scripts of the supplementary planes.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/** Whether `text` holds a right-to-left letter (UAX #9 classes R, AL, AN). */
export const hasRtl = (text: string) => RTL.test(text);

/** One user field, ready to be joined with others: isolated when it holds right-to-left text. */
export function isolate(field: string): string {
  return hasRtl(field) ? `${FSI}${field}${PDI}` : field;
}

/**
 * Wrapped lines of isolated text, each made whole: a field broken across
 * two lines is closed at the end of the first and opened again at the start
 * of the next, since each SVG <text> line is its own bidi paragraph.
 */
export function balanceIsolates(lines: string[]): string[] {
  let open = 0;
  return lines.map((line) => {
    const reopened = FSI.repeat(open);
    for (const char of line) {
      if (char === FSI) open++;
      else if (char === PDI && open > 0) open--;
    }
    return reopened + line + PDI.repeat(open);
  });
}
