import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * Writes through a temporary file in the same folder and renames it into
 * place, so a crash or a failed build never leaves a half-written graphic
 * and the previous good file stays until the new one is complete.
 */
export async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
}
