// A temporary folder of a test file's own as TMPDIR, for stores citechart
// keeps in the temporary folder (text widths, boundary features, fallback
// fonts): os.tmpdir() reads TMPDIR at each call, so the tests see a machine
// that never made them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Sets TMPDIR to a new folder (named from `prefix`) before the file's tests
 * and puts it back, and removes the folder, after them. Returns a getter of
 * the folder's path (made in beforeAll).
 */
export function usePrivateTmpdir(prefix: string): () => string {
  let tmp = '';
  const saved = process.env.TMPDIR;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), prefix));
    process.env.TMPDIR = tmp;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(tmp, { recursive: true, force: true });
  });
  return () => tmp;
}
