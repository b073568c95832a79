// A small RAM disk for the full-disk and read-only tests: `mount -t tmpfs`
// needs root (as in CI and the dev container). Elsewhere the tests that need
// one print why and skip.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Mounts a tmpfs of `sizeKb` at `dir` (created); returns why not when it cannot (not root, no mount). */
export function mountTmpfs(dir: string, sizeKb: number): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'needs root on Linux to mount a tmpfs';
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
}

/** Remounts the tmpfs at `dir` read-only (`ro: true`) or writable again. */
export function remount(dir: string, ro: boolean): void {
  execFileSync('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
}

export const PAGE = 4096;
/** Bytes a file of `size` bytes takes on a tmpfs: whole pages. */
export const pagesOf = (size: number) => Math.ceil(size / PAGE) * PAGE;

/** Fills the file system of `dir` with `dir/name` until exactly `leave` bytes (a multiple of PAGE) are free. */
export function fillLeaving(dir: string, name: string, leave: number): void {
  const { bavail, bsize } = statfsSync(dir);
  const free = bavail * bsize;
  if (free < leave) throw new Error(`only ${free} bytes free, ${leave} wanted`);
  writeFileSync(path.join(dir, name), Buffer.alloc(free - leave, 0x2e));
  const left = statfsSync(dir).bavail * statfsSync(dir).bsize;
  if (left !== leave) throw new Error(`${left} bytes free after filling, ${leave} wanted`);
}
