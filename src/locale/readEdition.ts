// A translated edition (`NAME.fr`) is its original's spec and tables with
// the translations of specs/NAME.fr.json applied and its locale set:
//
//   specs/NAME.vl.json ─┐
//                       ├─► readChartSpec ─► spec in French, locale fr ─► (tables) ─► editionTables ─► rows in French
//   specs/NAME.fr.json ─┘      untranslated words: errors at the spec     untranslated labels: errors at their cells
import { checkStyleLimits } from '../compile/checkLimits.js';
import { readSpec, type ChartSpec } from '../compile/readSpec.js';
import { readUsermeta } from '../compile/readUsermeta.js';
import { hasErrors } from '../errors.js';
import type { CitedTable, Diagnostic, Source } from '../model.js';
import * as messages from '../messages.js';
import { readerColumns } from '../embed/readerColumns.js';
import { editionOf } from './editionName.js';
import { languageName } from './languageName.js';
import { readLocale } from './readLocale.js';
import { readTranslation, type Translation } from './readTranslation.js';
import { editionJson } from './editionJson.js';
import { translateSpec, unusedTranslations } from './translateSpec.js';
import { translateTables } from './translateTables.js';

/** What makes a spec an edition: its language and translations, and which of them were applied so far. */
export interface Edition {
  tag: string;
  translation: Translation;
  used: Set<string>;
  /** Errors at the spec's words left in English, reported with the tables' (editionTables), so all come at once. */
  untranslated: Diagnostic[];
  /** The original's own `usermeta.citechart.locale`, if it sets one (its snippet link's language). */
  originalTag?: string;
}

/**
 * `specs/NAME.vl.json` for a chart, or for an edition `NAME.LANG` its
 * original's spec translated (translateSpec), its `locale` the edition's.
 * Diagnostics: the original's and the translation file's; the words of the
 * spec left untranslated are kept in `edition.untranslated` for editionTables.
 */
export async function readChartSpec(cwd: string, name: string): Promise<{ spec?: ChartSpec & { edition?: Edition }; diagnostics: Diagnostic[] }> {
  const which = editionOf(name);
  if (!which) return readSpec(cwd, name);
  const original = await readSpec(cwd, which.base);
  if (!original.spec || hasErrors(original.diagnostics)) return original;
  const { translation, diagnostics } = await readTranslation(cwd, name);
  if (!translation) return { diagnostics: original.diagnostics.concat(diagnostics) };
  const locale = readLocale(which.tag);
  const language = languageName(which.tag, readLocale('en'));
  const translated = translateSpec(original.spec.vegaLite, translation);
  // Every check of the edition locates by this: a fault in a translated text is at its entry in the translation file.
  const json = editionJson(original.spec.json, translation, translated.replaced, translated.vegaLite);
  // A translation can make a drawn text longer than the limit its original kept to: an error at its `strings` entry.
  const tooLong = checkStyleLimits(translated.vegaLite, json.diagnostic);
  if (tooLong.length) return { diagnostics: original.diagnostics.concat(diagnostics, tooLong) };
  const untranslated = translated.untranslated.map(({ text, jsonPath }) =>
    original.spec!.json.diagnostic(jsonPath, messages.locale.untranslated(text, language, translation.file)),
  );
  const { settings } = readUsermeta(json);
  const spec = {
    ...original.spec,
    name,
    json,
    vegaLite: translated.vegaLite,
    // The edition's own cards when its file chooses them (a longer French title can leave no room on one).
    settings: { ...settings, locale: locale.tag, ...(translation.social !== undefined && { social: translation.social }) },
    edition: { tag: locale.tag, translation, used: translated.used, untranslated, ...(original.spec.settings.locale && { originalTag: original.spec.settings.locale }) },
  };
  // The translation file's warnings (a directional override removed) with the spec's.
  return { spec, diagnostics: original.diagnostics.concat(diagnostics) };
}

/**
 * The tables an edition draws, labels and notes translated (translateTables),
 * and the sources they cite with their `attribution` translated ("citing
 * US officials…" is the footer's words; publisher, authors and title stay as
 * published). An error at each text left untranslated, a warning for each
 * translation of the file that nothing used; the spec's own untranslated
 * words (readChartSpec) come first, then the tables' cells, then the
 * column names the snippet's data tables would head in English
 * (untranslatedHeaders). A chart that is no edition
 * gets its tables and sources back unchanged.
 */
export function editionTables(
  spec: { edition?: Edition; vegaLite: Record<string, unknown> },
  tables: Map<string, CitedTable>,
  sources: Map<string, Source>,
): { tables: Map<string, CitedTable>; sources: Map<string, Source>; diagnostics: Diagnostic[] } {
  if (!spec.edition) return { tables, sources, diagnostics: [] };
  const { translation, used, tag } = spec.edition;
  const language = languageName(tag, readLocale('en'));
  const translated = translateTables(tables, translation, language, used);
  const diagnostics = spec.edition.untranslated.concat(translated.diagnostics, untranslatedHeaders(spec.vegaLite, tables, translation, language, used));
  const cited = new Set([...tables.values()].flatMap((table) => table.rows.flatMap((row) => row.sources)));
  const translatedSources = new Map(sources);
  for (const id of cited) {
    const source = sources.get(id);
    if (!source?.attribution.trim()) continue;
    const attribution = translation.strings.get(source.attribution);
    if (attribution === undefined) {
      const at = source.attributionAt;
      diagnostics.push({ file: SOURCES, line: at?.line ?? source.line, ...(at && { column: at.column }), severity: 'error', message: messages.locale.untranslated(source.attribution, language, translation.file) });
      continue;
    }
    used.add(source.attribution);
    translatedSources.set(id, { ...source, attribution });
  }
  return { tables: translated.tables, sources: translatedSources, diagnostics: diagnostics.concat(unusedTranslations(translation, used)) };
}

/**
 * An error at the header line of each CSV column that the snippet's data
 * table shows (readerColumns: not a hidden lookup key) with neither a title
 * as drawn nor a translation in `strings`: its header would be the CSV's
 * English name. `used` gains each `strings` key used as a header.
 */
function untranslatedHeaders(vegaLite: Record<string, unknown>, tables: Map<string, CitedTable>, translation: Translation, language: string, used: Set<string>): Diagnostic[] {
  const columns = readerColumns(vegaLite, translation.strings);
  const diagnostics: Diagnostic[] = [];
  for (const table of tables.values()) {
    for (const column of table.columns) {
      if (columns.hidden.has(column)) continue;
      if (columns.header(column) === undefined) {
        // At its header cell; a table built by hand (no positions) at line 1.
        const at = table.headerPositions?.[column];
        diagnostics.push({ file: table.file, line: at?.line ?? 1, ...(at && { column: at.column }), severity: 'error', message: messages.locale.untranslatedColumn(column, language, translation.file) });
      } else if (!columns.titled(column)) used.add(column);
    }
  }
  return diagnostics;
}

const SOURCES = 'data/sources.csv';

