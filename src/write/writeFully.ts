/** The part of a FileHandle that writeFully uses (so a test can hand it short writes). */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
}

/**
 * Writes every byte of `data` at the start of the file, calling write again
 * after a short write (POSIX lets write(2) store fewer bytes than asked, as
 * it does on a nearly full disk; write-file-atomic made one call and took
 * what it got). The call that finds no room throws the system's ENOSPC; one
 * that stores nothing without an error is a full disk too.
 */
export async function writeFully(handle: WritableHandle, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.byteLength) {
    const { bytesWritten } = await handle.write(data, written, data.byteLength - written, written);
    if (bytesWritten <= 0) throw Object.assign(new Error('write stored no bytes'), { code: 'ENOSPC' });
    written += bytesWritten;
  }
}
