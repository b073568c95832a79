// Files citechart keeps for itself in the shared temporary folder (font
// subsets, boundary features): another user of the machine can write there
// too, so a file is trusted only when this user owns it, and a cache that
// cannot be read or written costs only the time of making its content again.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * The bytes of `file` if this user owns it (where the platform has user
 * ids), else undefined; undefined too when it is missing or unreadable.
 * Never throws.
 */
export function readOwnFile(file: string): Buffer | undefined {
  try {
    if (process.getuid && statSync(file).uid !== process.getuid()) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `file` atomically (a build beside this one reads the old
 * file or the new, never half of one), making its folder first. Never
 * throws: a folder that cannot be written only costs the next run the time.
 */
export function keepFile(file: string, data: string | Buffer): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileAtomic.sync(file, data);
  } catch {
    // A cache: see above.
  }
}
