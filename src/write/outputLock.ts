import { readFileSync } from 'node:fs';
import { link, lstat, open, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as messages from '../messages.js';
import { commandPid } from '../startup/commandPid.js';
import { asOutputError, outputError } from './outputError.js';
import { tempNameFor } from './tempFiles.js';

/**
 * The lock a build holds on its output folder from reading the cache and
 * manifest to writing them back: two builds at once in one project each
 * read the manifest, drew their charts and wrote it back, and one lost the
 * other's entries (15 of 30 once). The second build fails at once with the
 * first one's pid; it does not wait (a build can take minutes).
 */
export const LOCK_FILE = '.citechart.lock';

interface LockRecord {
  /** The `citechart` process the user started (commandPid): what the message names. */
  pid: number;
  host: string;
  /**
   * The process writing, when it is another (the child started from the
   * startup snapshot): killed with its launcher (kill -9), it goes on for
   * a moment (up to 0.7 s seen under load) before it learns the launcher is
   * gone, and a build taking the lock over meanwhile had its temporary
   * files and charts written under it.
   */
  writer?: number;
}

/**
 * Takes the lock on `outDir` (which must exist): makes `LOCK_FILE` holding
 * this process's pid and host, never seen empty (createLock: written beside
 * it, then linked into place). A lock whose process is gone (a build killed
 * with kill -9) is taken over; so is one that cannot be read as a lock (cut
 * short by a crash) once it is 10 s old; a lock released while this build
 * looked at it is simply tried again. Returns the function that releases it.
 * Throws an OutputError naming the folder when a live process holds it (or
 * a process on another host: it cannot be checked), or naming the lock file
 * when it is a link.
 *
 * Limit: the pid is checked on this host only, and a pid reused by an
 * unrelated process keeps the lock "held" until the file is deleted, which
 * the message tells the user to do. Two builds taking over the same stale
 * lock within the same millisecond could both remove it and both go on.
 */
export async function lockOutput(outDir: string): Promise<() => Promise<void>> {
  const file = path.join(outDir, LOCK_FILE);
  // This process's own builds (watch, the library called twice) see each other here, not by pid.
  if (heldHere.has(file)) throw outputError(outDir, messages.write.locked(commandPid()));
  const mine: LockRecord = commandPid() === process.pid ? { pid: process.pid, host: os.hostname() } : { pid: commandPid(), host: os.hostname(), writer: process.pid };
  const text = JSON.stringify(mine) + '\n';
  // One stale lock is removed at most; a third contender that wins the race in between gets the message.
  let tookOver = false;
  let holder: LockRecord | undefined;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (await createLock(file, text, outDir)) {
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        // Released only while it is still this build's (never another's that took over a lock thought stale).
        if ((await readFile(file, 'utf8').catch(() => undefined)) === text) await unlink(file).catch(() => undefined);
      };
    }
    const info = await lstat(file).catch(() => undefined);
    // Released between our try and this look (its build just ended): try again.
    if (!info) continue;
    if (info.isSymbolicLink()) throw outputError(file, messages.write.link());
    // An unreadable lock is stale only when old: a lock made where links are not supported may not have its pid yet.
    const fresh = Date.now() - info.mtimeMs < FRESH_MS;
    const read = await readHolder(file, fresh ? PID_WAIT_MS : 0);
    if (!read) continue; // released meanwhile
    holder = read.holder;
    const live = holder ? holder.host !== mine.host || isAlive(holder.pid) || (holder.writer !== undefined && isAlive(holder.writer)) : fresh;
    if (live || tookOver) break;
    // Stale: removed only if it is still the file just read (another build may have taken it over since).
    if ((await readFile(file, 'utf8').catch(() => undefined)) === read.held) {
      await rm(file, { force: true }).catch((error: unknown) => {
        throw asOutputError(error, file); // a folder of that name, say
      });
    }
    tookOver = true;
  }
  // The launcher's pid, unless only its writer is left (its launcher just killed): that one is still writing.
  const shown = holder && holder.host === mine.host && holder.writer !== undefined && !isAlive(holder.pid) ? holder.writer : holder?.pid;
  throw outputError(outDir, messages.write.locked(shown, holder && holder.host !== mine.host ? holder.host : undefined));
}

/** Tries before giving up on a lock that keeps being released and taken again by other builds. */
const MAX_ATTEMPTS = 20;

/**
 * Makes the lock file `file` with `text` in it, or returns false when one
 * exists. The text is written to a temporary file first and hard-linked to
 * the lock's name, which fails if that exists: so the lock never exists
 * empty. It did once (opened with O_EXCL, then written): a build started at
 * the same moment read it empty and could not name its pid. Where hard
 * links are not supported (FAT, some network shares), the lock is opened
 * with O_EXCL and written, and readHolder waits for its pid.
 * Throws an OutputError naming `outDir` when it cannot be written (a full or
 * read-only disk); nothing is left behind then.
 */
async function createLock(file: string, text: string, outDir: string): Promise<boolean> {
  const temp = tempNameFor(file);
  try {
    try {
      await writeFile(temp, text, { flag: 'wx', mode: 0o644 });
    } catch (error) {
      throw asOutputError(error, outDir);
    }
    try {
      await link(temp, file);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOENT: the temporary file was removed by the build holding the lock (removeStaleTemps); the caller looks at the lock.
      if (code === 'EEXIST' || code === 'ENOENT') return false;
      if (code && NO_HARD_LINKS.has(code)) return await createUnlinked(file, text, outDir);
      throw asOutputError(error, outDir);
    }
  } finally {
    // unlink(2) alone: rm() loads Node's rimraf and lstats first, for a file this build just made (a one-chart build's fixed cost, issue 15).
    await unlink(temp).catch(() => undefined);
  }
}

/** What link() fails with on a file system without hard links. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** createLock where links are not supported: O_EXCL, then the pid (readHolder waits for it). */
async function createUnlinked(file: string, text: string, outDir: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw asOutputError(error, outDir);
  }
  try {
    await handle.writeFile(text);
    await handle.close();
    return true;
  } catch (error) {
    // No room even for the pid (a full disk): no half-made lock may stay to block the next build.
    await handle.close().catch(() => undefined);
    await rm(file, { force: true });
    throw asOutputError(error, outDir);
  }
}

/**
 * Reads the lock's holder; undefined when the lock is gone (released). A
 * lock made without a link (createUnlinked) has its pid written a moment
 * after it is made, so an unreadable lock is read again for up to `waitMs`
 * ms: the message then names the pid (a build started at the same moment
 * once got "another build is writing" with no pid to look for).
 */
async function readHolder(file: string, waitMs: number): Promise<{ held: string; holder: LockRecord | undefined } | undefined> {
  const since = Date.now();
  for (;;) {
    let held: string;
    try {
      held = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      held = '';
    }
    const holder = parseLock(held);
    if (holder || Date.now() - since >= waitMs) return { held, holder };
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How long a fresh lock without a readable pid is read again, waiting for its build to write the pid. */
const PID_WAIT_MS = 500;

/** Lock files this process holds now. */
const heldHere = new Set<string>();

/** How long a lock file without a readable pid counts as being written by a starting build. */
const FRESH_MS = 10_000;

function parseLock(text: string): LockRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockRecord> | null;
    const pid = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) > 0;
    if (value && pid(value.pid) && typeof value.host === 'string') {
      return pid(value.writer) ? { pid: value.pid, host: value.host, writer: value.writer } : { pid: value.pid, host: value.host };
    }
  } catch {
    // cut short by a crash: stale
  }
  return undefined;
}

/**
 * Whether a process with this pid runs on this host (signal 0 checks
 * without sending anything). A zombie (exited, not yet reaped by its
 * parent: a build killed with kill -9 under a parent that has not waited
 * for it) answers signal 0 but writes nothing: it does not hold the lock.
 * Its state is read from /proc (Linux, proc(5): the field after the
 * parenthesised command name); elsewhere every process answering counts.
 */
function isAlive(pid: number): boolean {
  // Our own pid in a lock this process does not hold: a previous process of that number (a container restarted).
  if (pid === commandPid() || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, run by another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** Whether /proc says `pid` is a zombie (state Z) or already gone (X); false where /proc cannot be read. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // The command name may hold spaces and parentheses: the state follows the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}
