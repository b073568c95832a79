/** The write(2) that writeFully uses, as fs.write on a descriptor resolves (so a test can hand it short writes). */
export type WriteAt = (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<number>;

/**
 * Writes every byte of `data` at the start of the file, calling write again
 * after a short write (POSIX lets write(2) store fewer bytes than asked, as
 * it does on a nearly full disk; write-file-atomic made one call and took
 * what it got). The call that finds no room throws the system's ENOSPC; one
 * that stores nothing without an error is a full disk too.
 */
export async function writeFully(write: WriteAt, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.byteLength) {
    const bytesWritten = await write(data, written, data.byteLength - written, written);
    if (bytesWritten <= 0) throw Object.assign(new Error('write stored no bytes'), { code: 'ENOSPC' });
    written += bytesWritten;
  }
}

/** The read(2) that readsBack uses, as fs.readSync on a descriptor. */
export type ReadAt = (buffer: Uint8Array, offset: number, length: number, position: number) => number;

/**
 * Whether the file holds exactly `data`: read from its start to its end
 * (short reads continued; one byte more than `data` asked for, so a longer
 * file shows) and compared byte for byte.
 */
export function readsBack(read: ReadAt, data: Uint8Array): boolean {
  const back = Buffer.allocUnsafe(data.byteLength + 1);
  let got = 0;
  for (let n; got < back.byteLength && (n = read(back, got, back.byteLength - got, got)) > 0; ) got += n;
  return got === data.byteLength && back.subarray(0, got).equals(data);
}
