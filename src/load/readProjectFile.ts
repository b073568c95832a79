import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { LIMITS } from '../limits.js';
import * as messages from '../messages.js';
import { locateProjectFile, specialKind } from './locateProjectFile.js';
import { mountedFolder } from './memoryFolder.js';

/**
 * The bytes of a project-relative file, or why they cannot be read (a
 * message for the user, naming the file). Only a regular file whose real
 * path is inside its own folder of the project is read (see
 * locateProjectFile): never a link out of it, never a FIFO, device, socket or
 * folder. The check is made twice: by path before opening, and on the open
 * file itself, opened without waiting (O_NONBLOCK) so a FIFO swapped in
 * between cannot block the command forever. A file over `LIMITS.fileBytes`
 * is refused before its bytes are read.
 */
export async function readProjectFile(cwd: string, file: string): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const where = await locateProjectFile(cwd, file);
  if (where.place === 'missing') return { problem: messages.load.missingFile(file) };
  if (where.place === 'outside') return { problem: messages.load.linkOutside(file, where.real) };
  if (where.place === 'special') return { problem: messages.load.notAFile(file, where.kind) };
  // A folder held in memory (the typed API): the same limit, no disk.
  const memory = mountedFolder(cwd)?.get(where.real);
  if (memory) return memory.byteLength > LIMITS.fileBytes ? { problem: messages.load.fileTooLarge(file, memory.byteLength, LIMITS.fileBytes) } : { bytes: memory };
  // Opened, checked and read on the calling thread, as locateProjectFile asks (the reasons there).
  let fd: number;
  try {
    fd = openSync(where.real, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? messages.load.missingFile(file) : messages.load.unreadable(file, String(code ?? err)) };
  }
  try {
    const stats = fstatSync(fd);
    const kind = specialKind(stats);
    if (kind) return { problem: messages.load.notAFile(file, kind) };
    // Size first: a file over the limit is refused without being read into memory.
    if (stats.size > LIMITS.fileBytes) return { problem: messages.load.fileTooLarge(file, stats.size, LIMITS.fileBytes) };
    return { bytes: readFileSync(fd) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: messages.load.unreadable(file, String(code ?? err)) };
  } finally {
    closeSync(fd);
  }
}
