// The file that holds V8's code cache of dist/bundle/sharp.cjs
// (sharpCodeCache.ts makes it, loadSharp.ts reads it): the mtime of the
// sharp.cjs it was made from, then V8's bytes. V8 checks only the source's
// length against its cache, so a cache is given to V8 only while sharp.cjs
// still has that mtime. The mtime is kept in this file, not in sharp.json:
// every .json of dist/ is hashed into the build cache key (cache/codeHash.ts),
// which must not differ per checkout; this file is not code to that hash.

import { readFileSync, statSync, writeFileSync } from 'node:fs';

/** Bytes before V8's: sharp.cjs's mtimeMs as a little-endian float64. */
const HEADER_BYTES = 8;

/**
 * V8's code cache in `cacheFile` when it was made from `bundle` as it is now
 * (same mtimeMs); undefined when either file is missing or unreadable, the
 * cache is too short, or `bundle` has changed since.
 */
export function readSharpCodeCache(bundle: string, cacheFile: string): Buffer | undefined {
  try {
    const bytes = readFileSync(cacheFile);
    if (bytes.length <= HEADER_BYTES || bytes.readDoubleLE(0) !== statSync(bundle).mtimeMs) return undefined;
    return bytes.subarray(HEADER_BYTES);
  } catch {
    return undefined;
  }
}

/** Writes `cacheFile`: `bundle`'s mtimeMs, then `data` (V8's code cache of it). */
export function writeSharpCodeCache(bundle: string, cacheFile: string, data: Buffer): void {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(statSync(bundle).mtimeMs, 0);
  writeFileSync(cacheFile, Buffer.concat([header, data]));
}
