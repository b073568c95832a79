import type { Box } from '../annotate/sceneBoxes.js';
import { faceFor, measureText } from '../text/textMetrics.js';

// A map label of several words that does not fit inside its region on one
// line may fit on two or three ("United / States" in the US at 600 px): a
// desk breaks a label before it moves it out of its country (a Reuters/FT
// review, 2026: "United States" was set outside the US on the article map,
// with a leader, though it fitted inside on two lines).

/** A label as Vega drew it: its one line of text, its font, and its bounds (Vega's, px of the plot). */
export interface DrawnLabel {
  text: string;
  fontSize: number;
  fontWeight?: unknown;
  fontStyle?: unknown;
  /** Vega's line height (px), when the mark sets one; else font size + 2, as Vega spaces lines. */
  lineHeight?: number;
  align?: unknown;
  bounds: Box;
}

/** A label broken into lines: the lines, Vega's bounds of the broken text, and the px between baselines. */
export interface WrappedLabel {
  lines: string[];
  bounds: Box;
  lineHeight: number;
}

/** The most lines a label is broken into: a map label of four lines reads as a paragraph. */
const MAX_LINES = 3;

/** The words beyond which only the most balanced breaks are searched greedily (a country's name has a few). */
const MAX_WORDS = 8;

/**
 * The ways to break a one-line label at its spaces into 2 to MAX_LINES
 * lines, each the most balanced of its line count (the widest line as
 * narrow as it can be), fewer lines first. Each keeps Vega's layout of a
 * multi-line text (vega-scenegraph `text.js`): the first line's baseline
 * where the one line's was, each next one `lineHeight` px below, lines
 * aligned as the mark aligns them (`center`, `left`/`start`, `right`/`end`),
 * measured with the bundled font. [] for a single word, a label already on
 * several lines, or one of more than MAX_WORDS words.
 */
export function wrappedForms(label: DrawnLabel): WrappedLabel[] {
  const words = label.text.split(' ').filter(Boolean);
  if (words.length < 2 || words.length > MAX_WORDS) return [];
  const face = faceFor(label.fontWeight, label.fontStyle);
  const width = (line: string) => measureText(line, label.fontSize, face);
  const lineHeight = label.lineHeight ?? label.fontSize + 2;
  const forms: WrappedLabel[] = [];
  for (let count = 2; count <= Math.min(MAX_LINES, words.length); count++) {
    let best: { lines: string[]; widest: number } | undefined;
    for (const lines of splits(words, count)) {
      const widest = lines.reduce((most, line) => Math.max(most, width(line)), 0);
      if (!best || widest < best.widest - 1e-9) best = { lines, widest };
    }
    if (!best) continue;
    const b = label.bounds;
    const [x1, x2] = label.align === 'left' || label.align === 'start'
      ? [b.x1, b.x1 + best.widest]
      : label.align === 'right' || label.align === 'end'
        ? [b.x2 - best.widest, b.x2]
        : [(b.x1 + b.x2 - best.widest) / 2, (b.x1 + b.x2 + best.widest) / 2];
    forms.push({ lines: best.lines, lineHeight, bounds: { x1, x2, y1: b.y1, y2: b.y2 + lineHeight * (count - 1) } });
  }
  return forms;
}

/** Every way to cut `words` into `count` non-empty lines, in order. */
function* splits(words: string[], count: number): Generator<string[]> {
  if (count === 1) {
    yield [words.join(' ')];
    return;
  }
  for (let first = 1; first <= words.length - count + 1; first++) {
    for (const rest of splits(words.slice(first), count - 1)) yield [words.slice(0, first).join(' '), ...rest];
  }
}

/**
 * A `<text>` element of Vega's SVG holding one line, with its content
 * broken as `lines` (each a run of its words, as wrappedForms gives them),
 * written as Vega writes a multi-line text: `<tspan>first</tspan><tspan
 * x="0" dy="LINE_HEIGHT">next</tspan>`. The content is split at its own
 * spaces, so its escaping is kept. The element is returned as it was when
 * its words do not match the lines'.
 */
export function breakTextElement(element: string, lines: string[], lineHeight: number): string {
  const match = /^(<text\b[^>]*>)([^<]*)(<\/text>)$/.exec(element);
  if (!match) return element;
  const words = match[2]!.split(' ').filter(Boolean);
  const counts = lines.map((line) => line.split(' ').filter(Boolean).length);
  if (counts.reduce((a, b) => a + b, 0) !== words.length) return element;
  let at = 0;
  const spans = counts.map((count, i) => {
    const line = words.slice(at, (at += count)).join(' ');
    return i === 0 ? `<tspan>${line}</tspan>` : `<tspan x="0" dy="${lineHeight}">${line}</tspan>`;
  });
  return `${match[1]}${spans.join('')}${match[3]}`;
}
