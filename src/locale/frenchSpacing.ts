// French typography's spaces around high punctuation, for the words of a
// French edition (readTranslation.ts).

/** U+202F NARROW NO-BREAK SPACE: the "espace fine insécable". */
const NARROW_NBSP = '\u202F';

// A breaking or plain no-break space before ; : ! ? or », or after «.
const BEFORE = /[ \u00A0]+(?=[;:!?»])/g;
const AFTER = /(?<=«)[ \u00A0]+/g;

/**
 * `text` with the space a writer typed before `;`, `:`, `!`, `?` and `»`,
 * and after `«`, made a narrow no-break space (U+202F), as French typography
 * wants (Lexique des règles typographiques en usage à l'Imprimerie
 * nationale: an unbreakable space there; the narrow one is the digital
 * press's usage, and citechart's own French footer, "Source\u202F:", and
 * d3-format's French "\u202F%" use it). A plain space there let a line
 * wrap before the ";" (a Reuters/FT review of the French map's subtitle,
 * "l'article / ; en bleu"). Only existing spaces are changed: none is
 * added, so "12:30", "https://" and an English quotation are left alone.
 */
export function frenchSpacing(text: string): string {
  return text.replace(BEFORE, NARROW_NBSP).replace(AFTER, NARROW_NBSP);
}

/** Whether an edition's language tag (`fr`, `fr-CA`) is French. */
export const isFrench = (tag: string): boolean => tag.split('-')[0]!.toLowerCase() === 'fr';
