/** White space a line may break at: `\s` without the no-break spaces (UAX #14 class GL). */
const BREAKING_SPACE = /[^\S\u00a0\u2007\u202f]+/;

/**
 * Greedy word wrap to `width` px using a real measuring function. The first
 * line may be shorter by `indent` (room for a bold lead-in), the others by
 * `hang` (a hanging indent under a list number). A word longer
 * than a whole line (a URL, a run of CJK text) is broken between characters
 * rather than running past the chart's edge. Lines break only at breaking
 * white space: a no-break space (U+00A0, U+2007, U+202F: French "90 %",
 * "Source :") stays inside its word, as Unicode's line-breaking rules (UAX
 * #14, class GL) require; `\s` would break there and write a plain space.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number, indent = 0, hang = 0): string[] {
  const lines: string[] = [];
  let line = '';
  const room = () => width - (lines.length === 0 ? indent : hang);
  for (const word of text.split(BREAKING_SPACE).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= room()) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    // The word alone: break it into pieces that fit, keeping the last open.
    let rest = word;
    while (measure(rest) > room() && rest.length > 1) {
      let cut = 1;
      while (cut < rest.length && measure(rest.slice(0, cut + 1)) <= room()) cut++;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
