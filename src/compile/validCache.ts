import { createHash } from 'node:crypto';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageVersion, toolVersions } from '../provenance/versions.js';

// Specs and themes found valid Vega-Lite, remembered by their text: loading
// the schema validator (9 MB of generated code) cost a one-chart build
// ≈0.2–0.5 s and each build worker ≈1.5 s of CPU (issue 15), for a result
// that depends only on the text and the schema's version. Only "valid" is
// remembered, so an invalid spec is always checked again and gets its error.

let dir: string | undefined;
function cacheDir(): string {
  // Made once: the versions are read from package.json files (each spec asked two or three times per chart, issue 15).
  if (dir) return dir;
  const identity = JSON.stringify([toolVersions().citechart, packageVersion('vega-lite'), packageVersion('ajv')]);
  return (dir = path.join(os.tmpdir(), `citechart-valid-${process.getuid?.() ?? 'u'}-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`));
}

// Found valid in this process (or by the main thread for this worker): no file needed.
const validHere = new Set<string>();

const entry = (kind: string, text: string) => path.join(cacheDir(), createHash('sha256').update(`${kind}\u0000${text}`).digest('hex').slice(0, 40));

/** Was this exact `text` found valid as a `kind` (spec, theme) by this user, with this Vega-Lite? */
export function knownValid(kind: string, text: string): boolean {
  const file = entry(kind, text);
  if (validHere.has(file)) return true;
  try {
    const stat = statSync(file);
    const mine = !process.getuid || stat.uid === process.getuid();
    // Asked again for the same text in this process (validateOnMainThread, then schemaErrors): no second stat.
    if (mine) validHere.add(file);
    return mine;
  } catch {
    return false;
  }
}

/** Remembers that `text` is valid as a `kind`; a folder that cannot be written only costs the next run the check. */
export function rememberValid(kind: string, text: string): void {
  validHere.add(entry(kind, text));
  try {
    mkdirSync(cacheDir(), { recursive: true });
    writeFileSync(entry(kind, text), '');
  } catch {
    // A cache.
  }
}
