import { packageVersion, toolVersions } from '../provenance/versions.js';
import { fallbackVersions } from '../text/fallbackFonts.js';
import { codeHash } from './codeHash.js';

/**
 * Libraries whose version changes the bytes of a graphic without being
 * recorded in it (toolVersions is, and changing that list would change every
 * graphic): fontkit measures every text Vega lays out, d3's packages format
 * the footer's numbers and dates and derive the dark palette. An upgrade of
 * one must rebuild, or graphics drawn before it would pass for fresh while a
 * `--force` build draws other bytes. The subsetter (subset-font, harfbuzzjs,
 * fontverter) writes the embedded font, and the fallback font packages
 * (fallbackVersions) draw and measure other scripts. resvg draws the PNG
 * (issue 15; sharp, recorded, now only encodes it): not added to the
 * recorded list, which would change every SVG's bytes for a PNG's sake.
 * CLDR's list patterns (the words joining a list) are citechart's own code,
 * extracted at build time (locale/listPatternData.generated.ts): the code
 * hash covers them, and the CLDR packages are not installed with citechart.
 */
const UNRECORDED = ['fontkit', 'd3', 'd3-format', 'd3-time-format', 'subset-font', 'harfbuzzjs', 'fontverter', '@resvg/resvg-js'];

let versions: Record<string, string> | undefined;

/**
 * The versions a build cache key covers: those recorded in graphics, the
 * others above, and `citechart code`, the sha256 of citechart's own code
 * (codeHash.ts): its version alone did not change when the code did.
 */
export function keyVersions(): Record<string, string> {
  const fallbacks = fallbackVersions().map((pkg) => [pkg.slice(0, pkg.lastIndexOf('@')), pkg.slice(pkg.lastIndexOf('@') + 1)]);
  return (versions ??= {
    ...toolVersions(),
    ...Object.fromEntries([...UNRECORDED.map((name) => [name, packageVersion(name)]), ...fallbacks]),
    'citechart code': codeHash(),
  });
}
