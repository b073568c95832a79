import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** One chunk of a file at a time: the largest outputs (a map's PNG) are a few MB. */
const CHUNK_BYTES = 1 << 20;
let chunk: Buffer | undefined;

/**
 * sha256 (hex) and length in bytes of the file at `file` (absolute path; a
 * link is followed), read synchronously in 1 MiB chunks into one buffer
 * kept for the next call. Why not `readFile`: a build compares about 50 MB
 * of outputs and inputs with their recorded hashes when nothing changed
 * (200 charts), and reading each file whole through the promise API cost
 * more than hashing it — a buffer per file to collect again, and a round
 * trip to libuv's pool for each of open, stat, read and close (issue 15).
 * Throws the system error (ENOENT, EISDIR…) when the file cannot be read.
 */
export function sha256File(file: string): { sha256: string; size: number } {
  const fd = openSync(file, 'r');
  try {
    const buffer = (chunk ??= Buffer.allocUnsafe(CHUNK_BYTES));
    const hash = createHash('sha256');
    let size = 0;
    for (let read = readSync(fd, buffer, 0, CHUNK_BYTES, null); read > 0; read = readSync(fd, buffer, 0, CHUNK_BYTES, null)) {
      hash.update(buffer.subarray(0, read));
      size += read;
    }
    return { sha256: hash.digest('hex'), size };
  } finally {
    closeSync(fd);
  }
}
