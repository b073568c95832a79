import type { Feature } from 'geojson';
import { countryList, type CountryLanguage } from './countryList.js';
import type { Boundary } from './readBoundary.js';

/**
 * The boundaries with world countries named in the chart's language, so a
 * French map's labels (`properties.name`), tooltips and alt text ("Sans
 * données : … (Tchad, Niger, …)") read "Chine", not Natural Earth's English
 * "China" (README, "Maps"). The name is i18n-iso-countries' short form in
 * `language` (its alias where it has one: "Russland", not "Russische
 * Föderation"), looked up by the feature's `properties.iso_a2`
 * (describeFeatures); Natural Earth's English name stays in
 * `properties.name_en`, and is still read when joining. Features with no
 * ISO code (Kosovo, N. Cyprus), US and a project's own files keep their
 * names. English returns `boundaries` itself: output as before.
 */
export function nameRegions(boundaries: Map<string, Boundary>, language: CountryLanguage): Map<string, Boundary> {
  if (language === 'en') return boundaries;
  const named = new Map<string, Boundary>();
  for (const [url, boundary] of boundaries) {
    named.set(url, boundary.idKind === 'iso-numeric' ? { ...boundary, features: boundary.features.map((feature) => nameFeature(feature, language)) } : boundary);
  }
  return named;
}

function nameFeature(feature: Feature, language: CountryLanguage): Feature {
  const properties = feature.properties ?? {};
  const code = properties.iso_a2;
  const name = typeof code === 'string' ? countryList().getName(code, language, { select: 'alias' }) : undefined;
  if (!name) return feature;
  return { ...feature, properties: { ...properties, name, name_en: properties.name } };
}
