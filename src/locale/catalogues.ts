// The footer-word catalogues, one plain data file per language (d3's locale
// files are the model): the same keys in each. English is the reference:
// `satisfies Catalogue` makes a file that lacks a key a compile error, and
// tests/locale/catalogues.test.ts checks every file has every key and the
// plural forms its language needs.
import ar from './catalogues/ar.json' with { type: 'json' };
import de from './catalogues/de.json' with { type: 'json' };
import en from './catalogues/en.json' with { type: 'json' };
import es from './catalogues/es.json' with { type: 'json' };
import fr from './catalogues/fr.json' with { type: 'json' };
import it from './catalogues/it.json' with { type: 'json' };
import pt from './catalogues/pt.json' with { type: 'json' };
import ru from './catalogues/ru.json' with { type: 'json' };
import zh from './catalogues/zh.json' with { type: 'json' };

/** A plural word: one form per CLDR plural category the language uses (Intl.PluralRules); `other` always. */
export type PluralWord = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** The keys of every catalogue, English's. Plural words are objects, every other key a template with `{name}` slots. */
export type Catalogue = { [K in keyof typeof en]: (typeof en)[K] extends { other: string } ? PluralWord : string };

/** The catalogues by primary language subtag (`fr`, not `fr-CA`). A Map: the tag is the user's. */
export const CATALOGUES: ReadonlyMap<string, Catalogue> = new Map<string, Catalogue>([
  ['ar', ar satisfies Catalogue],
  ['de', de satisfies Catalogue],
  ['en', en satisfies Catalogue],
  ['es', es satisfies Catalogue],
  ['fr', fr satisfies Catalogue],
  ['it', it satisfies Catalogue],
  ['pt', pt satisfies Catalogue],
  ['ru', ru satisfies Catalogue],
  ['zh', zh satisfies Catalogue],
]);
