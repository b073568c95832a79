// Names of translated editions, kept free of the readers so the cache and
// listSpecs can use them without loading catalogues or d3's locale files.

/** The languages with a catalogue (src/locale/catalogues; a test checks the two agree). */
export const CATALOGUE_LANGUAGES: readonly string[] = ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'ru', 'zh'];

const EDITION = /^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/;

/**
 * `NAME.fr` → the French edition of chart NAME: its spec is `specs/NAME.vl.json`,
 * its translations `specs/NAME.fr.json`. Undefined for any other name.
 */
export function editionOf(name: string): { base: string; tag: string } | undefined {
  const match = EDITION.exec(name);
  if (!match || !CATALOGUE_LANGUAGES.includes(match[2]!.split('-')[0]!)) return undefined;
  return { base: match[1]!, tag: match[2]! };
}

/** The translation file of an edition: `specs/NAME.fr.json`. */
export const translationFile = (edition: string) => `specs/${edition}.json`;

/** The spec a chart is drawn from: its own, or for an edition its original's. */
export const specOf = (name: string) => `specs/${editionOf(name)?.base ?? name}.vl.json`;

/** Editions among the files of specs/: each `NAME.LANG.json` beside a `NAME.vl.json`. */
export function listEditions(entries: string[]): string[] {
  const specs = new Set(entries.filter((e) => e.endsWith('.vl.json')).map((e) => e.slice(0, -'.vl.json'.length)));
  return entries
    .filter((e) => e.endsWith('.json') && !e.endsWith('.vl.json'))
    .map((e) => e.slice(0, -'.json'.length))
    .filter((name) => {
      const edition = editionOf(name);
      return edition !== undefined && specs.has(edition.base);
    });
}

/**
 * Files of specs/ that look like a translation (`NAME.TAG.json` beside a
 * `NAME.vl.json`) but whose TAG names no language with a catalogue
 * (`NAME.french.json`, `NAME.xx.json`): no edition is built from them, which
 * `check` says rather than ignoring them.
 */
export function unreadTranslations(entries: string[]): string[] {
  const specs = new Set(entries.filter((e) => e.endsWith('.vl.json')).map((e) => e.slice(0, -'.vl.json'.length)));
  return entries.filter((e) => {
    if (!e.endsWith('.json') || e.endsWith('.vl.json')) return false;
    const name = e.slice(0, -'.json'.length);
    const dot = name.lastIndexOf('.');
    return dot > 0 && specs.has(name.slice(0, dot)) && editionOf(name) === undefined;
  });
}
