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
export function wrapText(
  text: string,
  width: number,
  measure: (s: string) => number,
  indent = 0,
  hang = 0,
  keep: readonly string[] = [],
): string[] {
  return wrapLines(text, width, measure, { indent, hang, keep }).lines;
}

/**
 * A title, subtitle or footer paragraph wrapped as wrapText wraps it
 * (greedily: each line as full as it goes), its last line kept from being
 * a widow. When the last line has fewer than `minLastWords` words, the
 * fewest words that make it so are brought down from the line above
 * (the line above wrapped narrower, every other line as it was), as a desk
 * fixes a widow by hand: the lines stay full and the first is never cut
 * short (a Reuters/FT review, 2026: balancing every line, as CSS
 * `text-wrap: balance` does, made "Notes: Some of the information the
 * officials / shared is…" read as an early break). Only where that cannot
 * be done (the last line would overflow, or the widow is the last piece
 * of a word broken between characters, as in a run of CJK text, or the
 * line above has no word to spare) are the lines balanced: wrapped to the
 * narrowest width that gives as many lines and breaks no more words (a
 * binary search to 1 px, as `text-wrap: balance` does). Only breaking
 * white space is a break, as in wrapText: "90\u202f%" stays whole.
 *
 * `options.minLastWords` (default 2: a title's last line is never one word)
 * is how many words the last line needs not to be a widow: footer notes ask
 * for 3 (FOOTER_LAST_WORDS), titles and subtitles for 2 (a widow is a single
 * last word: a Reuters/FT review, 2026). `options.indent` and `options.hang`
 * (px) are wrapText's: the footer's lead-in and hanging indent.
 * `options.keep` is wrapText's: spans (names) no line breaks inside.
 */
export function wrapBalanced(
  text: string,
  width: number,
  measure: (s: string) => number,
  options: { minLastWords?: number; indent?: number; hang?: number; keep?: readonly string[] } = {},
): string[] {
  const { minLastWords = 2, ...room } = options;
  const greedy = wrapLines(text, width, measure, room);
  const wordsIn = (line: string) => line.split(BREAKING_SPACE).filter(Boolean).length;
  const last = greedy.lines.at(-1) ?? '';
  if (greedy.lines.length < 2 || wordsIn(last) >= minLastWords) return greedy.lines;
  const broughtDown = bringDown(greedy, width, measure, room, (line) => wordsIn(line) >= minLastWords);
  if (broughtDown) return broughtDown;
  let low = 1;
  let high = width;
  let best = greedy.lines;
  while (high - low > 1) {
    const middle = (low + high) / 2;
    const tried = wrapLines(text, middle, measure, room);
    if (tried.lines.length === greedy.lines.length && tried.broken <= greedy.broken) {
      high = middle;
      best = tried.lines;
    } else low = middle;
  }
  return best;
}

/**
 * The greedy lines with the fewest words of the next-to-last line brought
 * down to the last so that `enough(last)` holds: the two lines wrapped
 * again, the first of them just too narrow for its last k words (k = 1, 2,
 * …), into two lines still, breaking no word. Undefined when no k does
 * (see wrapBalanced).
 */
function bringDown(
  greedy: { lines: string[]; broken: number },
  width: number,
  measure: (s: string) => number,
  room: { indent?: number; hang?: number; keep?: readonly string[] },
  enough: (line: string) => boolean,
): string[] | undefined {
  if (greedy.broken > 0) return undefined;
  const n = greedy.lines.length;
  const above = greedy.lines[n - 2]!.split(' ');
  const pair = `${greedy.lines[n - 2]} ${greedy.lines[n - 1]}`;
  const hang = room.hang ?? 0;
  const start = n === 2 ? (room.indent ?? 0) : hang;
  for (let k = 1; k < above.length; k++) {
    // The line above as wide as its first words, the k last ones no longer fitting (a kept name moves whole, wrapLines).
    const fits = measure(above.slice(0, above.length - k).join(' ')) + 0.01;
    const tried = wrapLines(pair, width, measure, { ...room, indent: width - fits, hang });
    if (tried.lines.length !== 2 || tried.broken > 0) return undefined;
    if (enough(tried.lines[1]!)) return greedy.lines.slice(0, n - 2).concat(tried.lines);
  }
  return undefined;
}

/** wrapText's lines, and how many times a word was broken between characters. */
function wrapLines(
  text: string,
  width: number,
  measure: (s: string) => number,
  { indent = 0, hang = 0, keep = [] }: { indent?: number; hang?: number; keep?: readonly string[] },
): { lines: string[]; broken: number } {
  let broken = 0;
  const lines: string[] = [];
  let line = '';
  const room = () => width - (lines.length === 0 ? indent : hang);
  const place = (word: string) => {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= room()) {
      line = candidate;
      return;
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
  };
  for (const unit of keptUnits(text, keep)) {
    const joined = unit.join(' ');
    const candidate = line ? `${line} ${joined}` : joined;
    // A kept span that fits where the line is, or alone on the next line, moves whole;
    // one longer than a whole line (a long organisation's name on a phone) breaks between its words, as any text.
    if (unit.length === 1 || measure(candidate) <= room()) place(joined);
    else if (line && measure(joined) <= width - hang) {
      if (line) lines.push(line);
      line = '';
      place(joined);
    } else unit.forEach(place);
  }
  if (line || !lines.length) lines.push(line);
  return { lines, broken };
}

/**
 * The words of `text` (split at breaking white space), grouped so that the
 * words of each occurrence of a `keep` span ("Zhifan Liu") are one unit: no
 * break falls between them. A span matches whole words only, wherever its
 * words are separated by breaking white space of any kind; spans that
 * overlap make one unit.
 */
export function keptUnits(text: string, keep: readonly string[]): string[][] {
  const words: Array<{ word: string; start: number; end: number }> = [];
  const breaking = new RegExp(BREAKING_SPACE.source, 'g');
  let at = 0;
  for (const gap of text.matchAll(breaking)) {
    if (gap.index > at) words.push({ word: text.slice(at, gap.index), start: at, end: gap.index });
    at = gap.index + gap[0].length;
  }
  if (at < text.length) words.push({ word: text.slice(at), start: at, end: text.length });
  // joined[i]: the gap after word i is not a break.
  const joined = new Array<boolean>(words.length).fill(false);
  for (const span of keep) {
    const parts = span.split(BREAKING_SPACE).filter(Boolean);
    if (parts.length < 2) continue;
    for (let i = 0; i + parts.length <= words.length; i++) {
      if (!parts.every((part, k) => matchesWord(words[i + k]!.word, part, k === 0, k === parts.length - 1))) continue;
      for (let k = 0; k < parts.length - 1; k++) joined[i + k] = true;
    }
  }
  const units: string[][] = [];
  let unit: string[] = [];
  words.forEach(({ word }, i) => {
    unit.push(word);
    if (!joined[i]) {
      units.push(unit);
      unit = [];
    }
  });
  if (unit.length) units.push(unit);
  return units;
}

// A span's word matches a word of the text that is it, with punctuation or bidi isolates around it
// where the span starts or ends ("(Steve", "Heavey),", "Liu,"): only the span's edges may touch other characters.
const EDGE = /^[\p{P}\p{S}\u2068\u2069]*$/u;
function matchesWord(word: string, part: string, first: boolean, last: boolean): boolean {
  if (word === part) return true;
  const at = word.indexOf(part);
  if (at < 0) return false;
  const before = word.slice(0, at);
  const after = word.slice(at + part.length);
  return (first || !before) && (last || !after) && EDGE.test(before) && EDGE.test(after);
}

/**
 * Words a footer paragraph's last line needs not to be a widow
 * (wrapBalanced's `minLastWords`): "them for" alone ends a note weakly. Not
 * a subtitle's: there a widow is a single last word, and one word brought
 * down cures it; three brought down looked like an early wrap (a
 * Reuters/FT review, 2026).
 */
export const FOOTER_LAST_WORDS = 3;
