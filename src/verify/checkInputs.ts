import { readFile } from 'node:fs/promises';
import { bigTableKind, isParquetPath } from '../bigtable/bigTableFile.js';
import { bigTableHash } from '../bigtable/hashBigTable.js';
import path from 'node:path';
import { locateProjectFile } from '../load/locateProjectFile.js';
import { sidecarPath } from '../load/readSchemaSidecar.js';
import { sha256 } from '../provenance/hashInputs.js';
import type { Provenance } from './readProvenance.js';
import { findAtlas } from '../geo/atlases.js';
import { readAtlasBytes } from '../geo/readBoundary.js';

export interface InputCheck {
  /** Inputs whose sha256 differs from the one recorded. */
  changed: string[];
  /** Inputs that are no longer in the project. */
  missing: string[];
  /** Recorded paths that are absolute or lead out of the project: never read. */
  outside: string[];
  /** Inputs a build would read now that did not exist when the graphic was built (a sidecar, the theme). */
  added: string[];
}

/** The theme every chart is built with, when it exists. */
const THEME = 'specs/theme.json';

/**
 * Compares each recorded input with the file at the same project-relative
 * path under `root`. A graphic is data, not a command: a recorded path that
 * is absolute, climbs out with `..` or reaches a link out of the project is
 * reported, never read.
 */
export async function checkInputs(root: string, inputs: Provenance['inputs'], tables: string[] = []): Promise<InputCheck> {
  const result: InputCheck = { changed: [], missing: [], outside: [], added: [] };
  for (const { file, sha256: recorded } of inputs) {
    // A boundary file citechart ships (src/geo): compared with the copy this citechart has.
    if (findAtlas(file)) {
      if (!sameContent((await readAtlasBytes(file))!, recorded)) result.changed.push(file);
      continue;
    }
    const where = await placeOf(root, file);
    if (where === 'outside') result.outside.push(file);
    // A big table (a Parquet file or folder, a CSV from 16 MB) is hashed in a stream, as build hashed it.
    else if (isParquetPath(file) || (where === 'inside' && (await bigTableKind(file, path.join(root, file))) !== undefined)) {
      const now = await bigTableHash(root, file);
      if (now === undefined) result.missing.push(file);
      else if (now !== recorded) result.changed.push(file);
    }
    // A FIFO or device is never read (it could block forever): not the file it was built from.
    else if (where !== 'inside') result.missing.push(file);
    else {
      const normal = path.posix.normalize(file);
      const bytes = await readFile(path.join(root, normal)).catch(() => undefined);
      if (!bytes) result.missing.push(file); // a folder, or unreadable: not the file it was built from
      else if (!sameContent(bytes, recorded)) result.changed.push(file);
    }
  }
  // Tables recorded by their rows (src/trail/compareTrail.ts compares those) are confined the same way.
  for (const file of new Set(tables)) {
    const where = await placeOf(root, file);
    if (where === 'outside') result.outside.push(file);
    else if (where !== 'inside') result.missing.push(file);
  }
  // Tables recorded by their rows still have sidecars that may appear.
  result.added = await addedInputs(root, inputs.map((input) => input.file).concat(tables));
  return result;
}

/**
 * Where a recorded path leads: `outside` when absolute, climbing out with
 * `..`, or a link out of the project (never read); `inside` for a regular
 * file in the project; anything else (missing, a folder, a FIFO) otherwise.
 */
export async function placeOf(root: string, file: string): Promise<string> {
  const normal = path.posix.normalize(file);
  if (!file || path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || normal === '..' || normal.startsWith('../') || file.includes('\\') || file.includes('\0')) return 'outside';
  return (await locateProjectFile(root, normal)).place;
}

/**
 * Whether `bytes` are the input recorded, allowing for line ends only: git
 * with `core.autocrlf` checks text files out with CRLF on Windows (and LF
 * elsewhere), and citechart reads a CSV or JSON file the same either way, so
 * a graphic built on one machine is not "stale" on another for that alone.
 * Any other byte changed still counts.
 */
function sameContent(bytes: Buffer, recorded: string): boolean {
  if (sha256(bytes) === recorded) return true;
  // latin1 maps bytes to characters one to one, so only line ends change.
  const lf = bytes.toString('latin1').replace(/\r\n/g, '\n');
  return sha256(Buffer.from(lf, 'latin1')) === recorded || sha256(Buffer.from(lf.replace(/\n/g, '\r\n'), 'latin1')) === recorded;
}

/**
 * Optional inputs that exist now but are not recorded: a build records only
 * the sidecars and theme that existed, so a `data/NAME.schema.json` created
 * after the build (which can change how every cell reads: `1,234` with
 * `decimalChar: ","`) or a new theme would otherwise leave the graphic
 * "up to date" while a rebuild draws something else.
 */
async function addedInputs(root: string, recorded: string[]): Promise<string[]> {
  const optional = recorded
    .filter((file) => /^data\/[^/]+\.csv$/i.test(file) && file !== 'data/sources.csv')
    .map(sidecarPath);
  if (recorded.some((file) => file.startsWith('specs/'))) optional.push(THEME);
  const added: string[] = [];
  for (const file of [...new Set(optional)]) {
    if (!recorded.includes(file) && (await locateProjectFile(root, file)).place === 'inside') added.push(file);
  }
  return added;
}
