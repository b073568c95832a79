// The temporary folder's cache files (font subsets, boundary features):
// kept atomically, read back only when this user owns them, and never an
// error when the folder cannot be read or written.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { keepFile, readOwnFile } from '../../src/cache/userTempFiles.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test('keepFile makes the folder and writes; readOwnFile gives the bytes back', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'user-temp-'));
  const file = path.join(dir, 'a', 'b', 'entry.json');
  keepFile(file, 'features');
  expect(readOwnFile(file)?.toString('utf8')).toBe('features');
  keepFile(file, Buffer.from('replaced'));
  expect(readOwnFile(file)?.toString('utf8')).toBe('replaced');
});

test('a missing file reads as undefined, and a folder that cannot be written is no error', () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'user-temp-'));
  expect(readOwnFile(path.join(dir, 'missing'))).toBeUndefined();
  // A file where the folder should be: mkdir fails whoever runs the test (root included).
  writeFileSync(path.join(dir, 'taken'), 'x');
  expect(() => keepFile(path.join(dir!, 'taken', 'entry'), 'y')).not.toThrow();
  expect(readOwnFile(path.join(dir, 'taken', 'entry'))).toBeUndefined();
});

test.runIf(process.getuid?.() === 0)("a file of another user is not read (run as root: chown to nobody)", async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'user-temp-'));
  const file = path.join(dir, 'planted');
  writeFileSync(file, 'planted');
  const { chownSync } = await import('node:fs');
  chownSync(file, 65534, 65534);
  chmodSync(file, 0o644);
  expect(readOwnFile(file)).toBeUndefined();
});
