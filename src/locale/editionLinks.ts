import { editionOf } from './editionName.js';

/** A link from one language edition's snippet to another's. */
export interface EditionLink {
  /** The other edition's snippet, beside this one in output/: `NAME.fr.html` (a file name, not yet a URL). */
  file: string;
  /** Its BCP 47 tag (`fr`, `en`): the link's `hreflang` and `lang`. */
  tag: string;
  /** Its language named in itself ("Français", "English", "Deutsch"), first letter capitalised, from Intl.DisplayNames. */
  label: string;
}

/**
 * The other language editions of chart `name` among `names` (listSpecs: every
 * spec and every `specs/NAME.LANG.json` beside one), for its snippet's
 * "Other languages" links: the original `NAME` and each `NAME.LANG` but
 * `name` itself, in name order. `originalTag` is the original's own locale
 * (its spec's or the theme's; '' for the default, English). Empty when the
 * chart has no other edition.
 */
export function editionLinks(name: string, names: readonly string[], originalTag: string): EditionLink[] {
  const base = editionOf(name)?.base ?? name;
  return (byBase(names).get(base) ?? [])
    .filter((other) => other !== name)
    .map((other) => {
      const tag = editionOf(other)?.tag ?? (originalTag || 'en');
      return { file: `${other}.html`, tag, label: autonym(tag) };
    });
}

/**
 * `names` grouped by the chart they are editions of: each name in its own
 * group, and an edition in its original's too, each group in `names`' order. Made
 * once per list: a build asks for every chart's editions from the same
 * project's list, and reading every name for each chart grew with the
 * square of the charts (issue 15).
 */
function byBase(names: readonly string[]): Map<string, string[]> {
  let groups = grouped.get(names);
  if (!groups) {
    groups = new Map();
    const add = (key: string, other: string) => {
      const group = groups!.get(key);
      if (group) group.push(other);
      else groups!.set(key, [other]);
    };
    // A name is in its own group (the original) and, when it is an edition, in its original's.
    for (const other of names) {
      add(other, other);
      const edition = editionOf(other);
      if (edition) add(edition.base, other);
    }
    grouped.set(names, groups);
  }
  return groups;
}
const grouped = new WeakMap<readonly string[], Map<string, string[]>>();

/**
 * A language's name in that language ("français" → "Français"): what a
 * reader looks for in a language switcher. Intl.DisplayNames (ICU data, see
 * README "Locales"); the tag itself if ICU does not know it.
 */
function autonym(tag: string): string {
  let name = tag;
  try {
    name = new Intl.DisplayNames([tag], { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    // A tag ICU cannot read: written as given.
  }
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
