import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { locateProjectFile } from '../load/locateProjectFile.js';
import { sha256 } from '../provenance/hashInputs.js';
import type { Provenance } from './readProvenance.js';

export interface InputCheck {
  /** Inputs whose sha256 differs from the one recorded. */
  changed: string[];
  /** Inputs that are no longer in the project. */
  missing: string[];
  /** Recorded paths that are absolute or lead out of the project: never read. */
  outside: string[];
}

/**
 * Compares each recorded input with the file at the same project-relative
 * path under `root`. A graphic is data, not a command: a recorded path that
 * is absolute, climbs out with `..` or reaches a link out of the project is
 * reported, never read.
 */
export async function checkInputs(root: string, inputs: Provenance['inputs']): Promise<InputCheck> {
  const result: InputCheck = { changed: [], missing: [], outside: [] };
  for (const { file, sha256: recorded } of inputs) {
    const normal = path.posix.normalize(file);
    if (!file || path.posix.isAbsolute(file) || path.win32.isAbsolute(file) || normal === '..' || normal.startsWith('../') || file.includes('\\') || file.includes('\0')) {
      result.outside.push(file);
      continue;
    }
    const where = await locateProjectFile(root, normal);
    if (where === 'outside') result.outside.push(file);
    else if (where === 'missing') result.missing.push(file);
    else {
      const bytes = await readFile(path.join(root, normal)).catch(() => undefined);
      if (!bytes) result.missing.push(file); // a folder, or unreadable: not the file it was built from
      else if (sha256(bytes) !== recorded) result.changed.push(file);
    }
  }
  return result;
}
