import type { Source } from '../model.js';
import { citeSource } from './citeSource.js';
import type { InputHash } from './hashInputs.js';
import type { Locale } from '../locale/readLocale.js';

export interface ProvenanceFacts {
  name: string;
  title: string;
  alt: string;
  credit: string;
  sources: Source[];
  inputs: InputHash[];
  versions: Record<string, string>;
  /** The chart's language (src/locale): `inLanguage` and the words of each citation's `text`. */
  locale?: Locale;
}

/**
 * schema.org JSON-LD for a graphic: the sources as `citation` (whole
 * CreativeWorks a reader can look up), the files it was drawn from as
 * `isBasedOn` with their sha256, and the software that drew it. No
 * timestamps: the same inputs must give the same bytes.
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
    isBasedOn: facts.inputs.map((input) => ({
      '@type': 'MediaObject',
      contentUrl: input.file,
      sha256: input.sha256,
    })),
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
    ...optional('creditText', source.attribution && `citing ${source.attribution}`),
    text: citeSource(source, locale),
  };
}
