import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Every temporary file citechart writes starts with this, hidden (and in
 * .gitignore), so a build that finds one in the output folder knows whose it
 * is: one left by a build killed between writing and renaming (kill -9, a
 * power cut). Only builds write temporary files there, each holding the
 * folder's lock (outputLock.ts), so a build holding it can delete them all.
 */
export const TEMP_PREFIX = '.citechart-tmp-';

/**
 * A fresh temporary name beside `file`: same folder (so the rename is
 * atomic), pid, a random part drawn once per process and a count (so two
 * never meet: O_EXCL refuses one that did). Drawing 6 random bytes for
 * each name cost ≈12 µs of CPU, six names a chart (issue 15).
 */
export function tempNameFor(file: string): string {
  // Drawn again in a process started from the startup snapshot, which holds this module as it was made.
  if (processPart === undefined || partPid !== process.pid) {
    partPid = process.pid;
    processPart = `${process.pid}-${randomBytes(6).toString('hex')}`;
  }
  named += 1;
  return path.join(path.dirname(file), `${TEMP_PREFIX}${processPart}-${named.toString(36)}`);
}

let processPart: string | undefined;
let partPid: number | undefined;
let named = 0;

/**
 * What write-file-atomic (the writer of earlier citechart versions) named its temporary
 * files: the target's name, a dot and a 32-bit number in decimal (its
 * getTmpname()). Removed only when the target is one of the build's own
 * files, so no user file is touched.
 */
const LEGACY_TEMP = /^(.+\.(?:svg|png|html|json))\.\d{1,10}$/;

/**
 * Deletes temporary files left in `outDir` by killed builds: citechart's own
 * (TEMP_PREFIX), and write-file-atomic's beside a file `ours` accepts. Call
 * only while holding the folder's lock. Returns the names removed.
 */
export async function removeStaleTemps(outDir: string, ours: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  const stale = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => {
      if (name.startsWith(TEMP_PREFIX)) return true;
      const target = LEGACY_TEMP.exec(name)?.[1];
      return target !== undefined && ours(target);
    });
  // rm removes a link itself, never what it points to.
  for (const name of stale) await rm(path.join(outDir, name), { force: true });
  return stale.sort();
}
