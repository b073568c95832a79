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
  return wrapLines(text, width, measure, indent, hang).lines;
}

/**
 * A title or subtitle wrapped as wrapText wraps it, then balanced when its
 * last line would be a widow (a single word, or the last piece of a word
 * broken between characters, as a run of CJK text is): the lines are
 * wrapped to the narrowest width that gives as many lines and breaks no
 * more words (a binary search to 1 px, as CSS `text-wrap: balance` and
 * Adobe's balance-text do), so they come out of even length and the last
 * one carries more than a word. Only breaking white space is a break, as
 * in wrapText: "90\u202f%" stays whole. A single line, or a wrap whose
 * last line already has several words, is returned as wrapText gives it.
 *
 * `options.minLastWords` (default 2: a title's last line is never one word)
 * is how many words the last line needs not to be a widow: subtitles (deks)
 * and footer notes ask for 3, so "…officials say" never ends a dek on two
 * words (a Reuters/FT review, 2026). `options.indent` and `options.hang`
 * (px) are wrapText's: the footer's lead-in and hanging indent.
 */
export function wrapBalanced(
  text: string,
  width: number,
  measure: (s: string) => number,
  options: { minLastWords?: number; indent?: number; hang?: number } = {},
): string[] {
  const { minLastWords = 2, indent = 0, hang = 0 } = options;
  const greedy = wrapLines(text, width, measure, indent, hang);
  const last = greedy.lines.at(-1) ?? '';
  if (greedy.lines.length < 2 || last.split(BREAKING_SPACE).filter(Boolean).length >= minLastWords) return greedy.lines;
  let low = 1;
  let high = width;
  let best = greedy.lines;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    const tried = wrapLines(text, middle, measure, indent, hang);
    if (tried.lines.length === greedy.lines.length && tried.broken <= greedy.broken) {
      high = middle;
      best = tried.lines;
    } else low = middle;
  }
  return best;
}

/** wrapText's lines, and how many times a word was broken between characters. */
function wrapLines(text: string, width: number, measure: (s: string) => number, indent = 0, hang = 0): { lines: string[]; broken: number } {
  let broken = 0;
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
      broken++;
    }
    line = rest;
  }
  if (line || !lines.length) lines.push(line);
  return { lines, broken };
}

/** Words a dek's or footer note's last line needs not to be a widow (wrapBalanced's `minLastWords`): "them for" alone is one. */
export const DEK_LAST_WORDS = 3;
