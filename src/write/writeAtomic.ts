// Every file citechart writes into the output folder goes through here:
//
//   a whole       ─► refuse a link ─► temp file (O_EXCL, ─► every byte written, ─► read back,   ─► rename
//   PNG/SVG/HTML/     at the target     beside it) named     short writes retried,  compared byte    over the
//   JSON in memory?                     TEMP_PREFIX…         fsync                  for byte         target
//
// so a full disk, a read-only folder or a crash leaves the previous file as
// it was, never a truncated one under the real name.
//
// Each file is made, written and synced through one descriptor, and read
// back through it too (no second open). The calls that can wait for the
// disk — making the file (O_CREAT), writing (the kernel may throttle a
// writer while much is dirty), fsync, link, rename, unlink — go to libuv's
// thread pool, as before: the thread that writes also answers the render
// workers and hands them their next charts, and made them synchronous, the
// build's wall time rose on a busy disk (issue 15). The rest — lstat, the
// read back from the page cache, close — is made on the calling thread:
// each call sent to the pool costs a hand-over between threads, and with 13
// of them per file the checked write of a chart's three files took 2.7 ms of
// CPU, against 0.35 ms for the bench floor's writeFileSync.
import { closeSync, fsync, link, mkdirSync, open, readSync, rename, rmSync, write } from 'node:fs';
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isWholeBinary } from '../verify/isWholeBinary.js';
import { isClosedMarkup } from './closedMarkup.js';
import { asOutputError } from './outputError.js';
import { lstatNotLinkSync } from './refuseLinks.js';
import { tempNameFor } from './tempFiles.js';
import { readsBack, writeFully } from './writeFully.js';

const openFile = promisify(open);
const writeAt = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) => write(fd, buffer, offset, length, position, (error, bytesWritten) => (error ? reject(error) : resolve(bytesWritten))));
const syncToDisk = promisify(fsync);
const linkFile = promisify(link);
const renameFile = promisify(rename);

/** A file written in full under a temporary name, not yet in place. */
export interface StagedFile {
  /** Absolute path it will have. */
  target: string;
  /** Absolute path of the checked temporary file. */
  temp: string;
  /** The bytes written (a string's UTF-8), for a caller that hashes them. */
  bytes: Uint8Array;
}

/** A file to write: absolute path and content (a string is written as UTF-8). */
export interface FileToWrite {
  file: string;
  data: string | Uint8Array;
}

/**
 * What a file's kind allows to check cheaply before it is written: a PNG's
 * chunks and CRCs to IEND, a PDF's cross-reference offset and `%%EOF`
 * (verify/isWholeBinary.ts), an SVG or HTML text ending by closing the
 * element it opens (closedMarkup.ts: the bytes read back are then compared
 * with these, so checking them once, in memory, is enough), JSON parsed.
 * Other files: their bytes only.
 */
function isWhole(file: string, data: string | Uint8Array, bytes: Buffer): boolean {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.svg' || extension === '.html') {
    return isClosedMarkup(typeof data === 'string' ? data : bytes.toString('utf8'), extension.slice(1) as 'svg' | 'html');
  }
  if (extension === '.png' || extension === '.pdf') return isWholeBinary(extension.slice(1) as 'png' | 'pdf', bytes);
  if (extension === '.json') {
    try {
      JSON.parse(typeof data === 'string' ? data : bytes.toString('utf8'));
    } catch {
      return false;
    }
  }
  return true;
}

const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

/**
 * Removes a file this module made (a temporary file or a backup link):
 * unlink(2) alone, a missing file being no error. `rm(file, { force: true })`
 * said the same with two lstat calls and Node's rimraf around it, for each
 * of a build's ≈600 backups (issue 15: ≈50 µs of CPU each on the thread that
 * writes).
 */
async function removeOwnFile(file: string): Promise<void> {
  await unlink(file).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  });
}

/**
 * Writes `data` to a fresh temporary file beside `file` and checks it to the
 * last byte: all bytes written (short writes retried), fsync'ed, then read
 * back and compared with `data` (a full disk that drops bytes silently, or
 * a file system that lies about them, shows here, before anything replaces
 * the good file). Throws an OutputError naming `file` (a link, ENOSPC,
 * EDQUOT, EROFS, EACCES…) and leaves no temporary file behind.
 */
export async function stageFile(file: string, data: string | Uint8Array): Promise<StagedFile> {
  // A folder in the file's place would fail only at the rename, after the chart's other files.
  if (lstatNotLinkSync(file)?.isDirectory()) throw asOutputError(Object.assign(new Error('a folder'), { code: 'EISDIR' }), file);
  const bytes = bytesOf(data);
  // Is what was drawn a whole graphic? One that is not is a bug (no error code: exit 70), and is never staged.
  if (!isWhole(file, data, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
    throw new Error(`${path.basename(file)} as drawn is not a whole ${path.extname(file).slice(1).toUpperCase()} file`);
  }
  const temp = tempNameFor(file);
  let fd: number | undefined;
  try {
    // 'wx+' is O_RDWR|O_CREAT|O_EXCL: never opens an existing file or a planted link; read back through the same descriptor.
    fd = await openFile(temp, 'wx+', 0o666);
    const at = fd;
    await writeFully((buffer, offset, length, position) => writeAt(at, buffer, offset, length, position), bytes);
    await syncToDisk(at);
    if (!readsBack((buffer, offset, length, position) => readSync(at, buffer, offset, length, position), bytes)) {
      throw Object.assign(new Error(`read back other than the ${bytes.byteLength} bytes written`), { code: 'SHORT' });
    }
    fd = undefined;
    closeSync(at);
    return { target: file, temp, bytes };
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // The error reported is the one that stopped the write.
      }
    }
    await removeOwnFile(temp);
    throw asOutputError(error, file);
  }
}

/**
 * Renames staged files over their targets, all or none: each target's
 * previous file is first kept under a temporary hard link (no data copied),
 * and when one rename fails the ones done are undone from those links. (A
 * crash between two renames can still leave some new files and some old:
 * the build cache then records none of them, so the next build draws the
 * chart again.) Throws an OutputError naming the file whose rename failed;
 * no temporary file stays.
 */
export async function commitStaged(staged: StagedFile[]): Promise<void> {
  const backups = await Promise.all(
    staged.map(async ({ target }) => {
      const backup = tempNameFor(target);
      // A missing target has nothing to keep; a file system without hard links keeps nothing (each rename is still atomic).
      return linkFile(target, backup).then(() => backup, () => undefined);
    }),
  );
  let done = 0;
  try {
    for (const { target, temp } of staged) {
      // Checked again: a link made since staging is still refused.
      lstatNotLinkSync(target);
      await renameFile(temp, target);
      done += 1;
    }
  } catch (error) {
    for (let index = 0; index < done; index += 1) {
      const backup = backups[index];
      if (backup) await renameFile(backup, staged[index]!.target).catch(() => undefined);
      else rmSync(staged[index]!.target, { force: true });
    }
    await discardStaged(staged.slice(done));
    throw asOutputError(error, staged[done]!.target);
  } finally {
    await Promise.all(backups.map((backup) => backup && removeOwnFile(backup)));
  }
}

/** Removes staged temporary files (a chart whose other file failed). */
export async function discardStaged(staged: StagedFile[]): Promise<void> {
  await Promise.all(staged.map(({ temp }) => removeOwnFile(temp)));
}

/** Makes `folder` (and its parents) unless it is there; throws an OutputError naming it. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw asOutputError(error, folder);
  }
}

/**
 * The first file of a chart, staged while the rest of the chart is still
 * being drawn (stageAhead), for writeAllOrNone to take as its first.
 */
export interface StagedAhead {
  file: string;
  data: string | Uint8Array;
  /** The staging (folder made, then stageFile); rejects as stageFile throws. */
  staged: Promise<StagedFile>;
}

/**
 * Starts staging `file` (its folder made, then stageFile) before the files
 * to be written after it in writeAllOrNone are known: a one-chart build
 * stages the SVG while sharp encodes the PNG off its main thread, which
 * otherwise waits idle (issue 15, cold start: the SVG's write, fsync and
 * read-back out of the one-chart build's wall time). The staging is the first of the
 * chart's, so which file a full disk refuses stays the same. Hand it to
 * writeAllOrNone, or to discardAhead when the chart is not written; its
 * failure is reported there, never as an unhandled rejection.
 */
export function stageAhead(file: string, data: string | Uint8Array): StagedAhead {
  const staged = Promise.resolve().then(() => {
    makeFolder(path.dirname(file));
    return stageFile(file, data);
  });
  staged.catch(() => undefined);
  return { file, data, staged };
}

/** Removes what stageAhead staged (a chart that failed, or whose files turned out other): its failure is nobody's now. */
export async function discardAhead(ahead: StagedAhead): Promise<void> {
  const staged = await ahead.staged.catch(() => undefined);
  if (staged) await discardStaged([staged]);
}

/**
 * Writes several files all or none: every one is staged and checked first,
 * and only when all are whole are they renamed into place. So a chart whose
 * PNG does not fit on the disk keeps its previous SVG, PNG and HTML, not a
 * new SVG beside an old PNG. Creates the folders. `ahead`, when given, is
 * the first file already being staged (stageAhead): taken as staged when it
 * is `files[0]` with the same data, else discarded and `files[0]` staged
 * here. Returns the bytes written, in `files`' order (a string's UTF-8: the
 * caller hashes them without encoding the text again). Throws an
 * OutputError naming the file that failed.
 */
export async function writeAllOrNone(files: FileToWrite[], ahead?: StagedAhead): Promise<Uint8Array[]> {
  // One after another, not side by side: on a disk with room for some of a chart's files, which of them
  // fails must not depend on which write got the space first (the error names that file; tests/write/
  // fullDisk.test.ts). Staging them together saved ≈1–2 ms of a one-chart build's wall time (h11-coldwall).
  // A file staged ahead is the first, so the order holds.
  const first = files[0];
  const early = ahead && first && ahead.file === first.file && ahead.data === first.data ? ahead : undefined;
  if (ahead && !early) await discardAhead(ahead);
  const staged: StagedFile[] = [];
  try {
    // A chart's files share one folder: made (or found) once.
    const made = new Set<string>();
    if (early) {
      staged.push(await early.staged);
      made.add(path.dirname(early.file));
    }
    for (const { file, data } of early ? files.slice(1) : files) {
      const folder = path.dirname(file);
      if (!made.has(folder)) {
        makeFolder(folder);
        made.add(folder);
      }
      staged.push(await stageFile(file, data));
    }
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  await commitStaged(staged);
  return staged.map(({ bytes }) => bytes);
}

/**
 * Writes one file atomically and checked (see stageFile): the previous file
 * stays until the new one is whole on disk. Creates the folder. Throws an
 * OutputError naming the file.
 */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeAllOrNone([{ file, data }]);
}
