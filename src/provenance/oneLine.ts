/**
 * Text for one line of prose (alt text, `<title>`, the snippet's caption):
 * the line breaks of a cell or a multi-line title become single spaces, so
 * a screen reader never meets a raw newline in the middle of a sentence.
 */
export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
