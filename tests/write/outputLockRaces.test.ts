// The output lock under the timing a loaded machine gives (CI, 2 cores shared):
// two builds started together once raced on it. The lock was opened with
// O_EXCL and its pid written just after, so the second build could read it
// empty; and a lock released between the second build's try and its look at
// the holder was reported as held, without a pid. Slow writes and a release
// at the worst moment are made here on purpose (node:fs/promises wrapped).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE, lockOutput } from '../../src/write/outputLock.js';

/** What the wrapped node:fs/promises does besides its work; reset after each test. */
const hooks: { writeDelayMs: number; afterLstat?: (file: string) => void; linkError?: string } = { writeDelayMs: 0 };

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const pause = () => new Promise((resolve) => setTimeout(resolve, hooks.writeDelayMs));
  const wrapped = {
    ...fs,
    writeFile: (async (...args: Parameters<typeof fs.writeFile>) => {
      await pause();
      return fs.writeFile(...args);
    }) as typeof fs.writeFile,
    open: (async (...args: Parameters<typeof fs.open>) => {
      const handle = await fs.open(...args);
      const write = handle.writeFile.bind(handle);
      handle.writeFile = async (...rest: Parameters<typeof handle.writeFile>) => {
        await pause();
        return write(...rest);
      };
      return handle;
    }) as typeof fs.open,
    link: (async (...args: Parameters<typeof fs.link>) => {
      if (hooks.linkError) throw Object.assign(new Error(`${hooks.linkError}: link`), { code: hooks.linkError });
      return fs.link(...args);
    }) as typeof fs.link,
    lstat: (async (...args: Parameters<typeof fs.lstat>) => {
      const info = await fs.lstat(...args);
      hooks.afterLstat?.(String(args[0]));
      return info;
    }) as typeof fs.lstat,
  };
  return { ...wrapped, default: wrapped };
});

afterEach(() => {
  hooks.writeDelayMs = 0;
  hooks.afterLstat = undefined;
  hooks.linkError = undefined;
});

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'citechart-lock-races-'));

describe('the output lock, raced', () => {
  it('is never seen without its pid while it is being taken, however slow the disk', async () => {
    const dir = tmp();
    const file = path.join(dir, LOCK_FILE);
    hooks.writeDelayMs = 300;
    const seen: string[] = [];
    let taken = false;
    const taking = lockOutput(dir).finally(() => (taken = true));
    // What another build starting now would read, every few ms until the lock is taken.
    while (!taken) {
      try {
        seen.push(readFileSync(file, 'utf8'));
      } catch {
        // not there yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const release = await taking;
    seen.push(readFileSync(file, 'utf8'));
    const record = JSON.stringify({ pid: process.pid, host: os.hostname() }) + '\n';
    expect(new Set(seen)).toEqual(new Set([record]));
    await release();
  });

  it('a lock released while a second build looks at it is taken by that build, not reported as held', async () => {
    const dir = tmp();
    const file = path.join(dir, LOCK_FILE);
    // Another build's lock, released (deleted) just after the second build found it there.
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: os.hostname() }) + '\n');
    hooks.afterLstat = (looked) => {
      if (looked === file) rmSync(file, { force: true });
    };
    const release = await lockOutput(dir);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ pid: process.pid, host: os.hostname() });
    await release();
  });

  it('where hard links are not supported (FAT, some shares), is opened exclusively and written; no temporary file stays', async () => {
    const dir = tmp();
    hooks.linkError = 'EPERM';
    const release = await lockOutput(dir);
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, host: os.hostname() });
    await expect(lockOutput(dir)).rejects.toThrow(`another build (pid ${process.pid}) is writing this folder`);
    await release();
    expect(readdirSync(dir)).toEqual([]);
  });
});
