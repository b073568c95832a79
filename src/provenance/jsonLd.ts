import type { Source } from '../model.js';
import { citeSource } from './citeSource.js';
import type { InputHash } from './hashInputs.js';
import type { TableTrail } from '../trail/drawnTrail.js';
import { trailDataset } from '../trail/trailDataset.js';
import { readLocale, type Locale } from '../locale/readLocale.js';
import type { TableRowCounts } from '../bigtable/tableSummaries.js';

export interface ProvenanceFacts {
  name: string;
  title: string;
  alt: string;
  credit: string;
  sources: Source[];
  /** Whole files it was drawn with (spec, theme, schema sidecars): not the tables or sources.csv, recorded by `trail`. */
  inputs: InputHash[];
  /** The rows drawn of each table, and the cited rows of sources.csv (src/trail/drawnTrail.ts). */
  trail: TableTrail[];
  /** corrections.csv rows it shows: schema.org `correction`, dated from the row, never the clock. */
  corrections?: Array<{ date: string; what: string }>;
  /** One schema.org Claim per drawn row with a quote (src/trail/quoteClaims.ts): the JSON-LD `mentions`. */
  claims?: Record<string, unknown>[];
  versions: Record<string, string>;
  /** The chart's language (src/locale): `inLanguage` and the words of each citation's `text`. */
  locale?: Locale;
  /** Big tables (src/bigtable): rows read, kept by the filters and drawn, per source; added to their Dataset. */
  tableSummaries?: TableRowCounts[];
}

/**
 * schema.org JSON-LD for a graphic: the sources as `citation` (whole
 * CreativeWorks a reader can look up), what it was drawn from as
 * `isBasedOn` (the spec, theme and sidecars as MediaObjects with their
 * sha256; each table, and sources.csv, as a Dataset recording only the rows
 * drawn or cited: src/trail/drawnTrail.ts), and the software that drew it.
 * No timestamps: the same inputs must give the same bytes.
 */
export function jsonLd(facts: ProvenanceFacts, encodingFormat: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ImageObject',
    identifier: facts.name,
    name: facts.title || facts.name,
    description: facts.alt,
    encodingFormat,
    ...(facts.locale?.tag ? { inLanguage: facts.locale.tag } : {}),
    ...(facts.credit ? { creditText: facts.credit } : {}),
    citation: facts.sources.map((source) => sourceToCreativeWork(source, facts.locale)),
    ...(facts.corrections?.length
      ? { correction: facts.corrections.map((c) => ({ '@type': 'CorrectionComment', datePublished: c.date, text: c.what })) }
      : {}),
    ...(facts.claims?.length ? { mentions: facts.claims } : {}),
    isBasedOn: [
      ...facts.inputs.map((input) => ({ '@type': 'MediaObject', contentUrl: input.file, sha256: input.sha256 })),
      ...facts.trail.map((trail) => withRowCounts(trailDataset(trail), facts.tableSummaries?.find((s) => s.file === trail.file))),
    ],
    creator: {
      '@type': 'SoftwareApplication',
      name: 'citechart',
      softwareVersion: facts.versions.citechart,
      softwareRequirements: Object.entries(facts.versions)
        .filter(([name]) => name !== 'citechart')
        .map(([name, version]) => `${name} ${version}`),
    },
  };
}

/** A big table's Dataset with its row counts (citechart's own keys, as the trail's: README "For fact-checkers"). */
function withRowCounts(dataset: Record<string, unknown>, counts: TableRowCounts | undefined): Record<string, unknown> {
  if (!counts) return dataset;
  const { rowsRead, rowsKept, rowsToVega, rowsDrawn, bySource } = counts;
  return { ...dataset, rowsRead, rowsKept, rowsToVega, rowsDrawn, rowsBySource: bySource };
}

function sourceToCreativeWork(source: Source, locale?: Locale): Record<string, unknown> {
  const optional = (key: string, value: unknown) => (value ? { [key]: value } : {});
  return {
    '@type': 'CreativeWork',
    identifier: source.id,
    name: source.title,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...optional('author', source.authors.filter(Boolean).map((name) => ({ '@type': 'Person', name }))),
    ...optional('datePublished', source.published),
    ...optional('url', source.url),
    ...optional('inLanguage', source.language),
    ...optional('translator', source.translator && { '@type': 'Person', name: source.translator }),
    ...optional('dateAccessed', source.accessed),
    // In the edition's language, as the footer's citation is: "citant des responsables…" in French.
    ...optional('creditText', source.attribution && (locale ?? readLocale()).say('citing', { who: source.attribution })),
    text: citeSource(source, locale),
  };
}

